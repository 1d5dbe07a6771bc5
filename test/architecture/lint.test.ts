import { pathToFileURL, fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Each architecture rule in eslint.config.js fires on a planted violation and stays quiet on the
 * legal import beside it. The rules are loaded switched on, whether or not the config enforces
 * them yet. Planted files need not exist: ESLint matches the rules by the path given.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

interface ConfigModule {
  default: Linter.Config[];
  architectureRules: Linter.Config[];
}

let eslint: ESLint;
beforeAll(async () => {
  const configUrl = pathToFileURL(`${root}eslint.config.js`).href;
  const config = (await import(configUrl)) as ConfigModule;
  eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    baseConfig: [...config.default, ...config.architectureRules],
  });
});

/** The architecture messages for one import planted in `filePath`. */
async function lint(filePath: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const used = [planted];\n`, { filePath });
  const messages = result?.messages ?? [];
  // A parse error or an ignored path would make a "passes" case pass for the wrong reason.
  expect(messages.filter((m) => m.ruleId === null)).toEqual([]);
  return messages.filter((m) => m.ruleId?.startsWith('architecture/')).map((m) => m.message);
}

describe('no database driver outside src/store', () => {
  it.each([
    ['src/services/cases/planted.ts', "import { sql as planted } from 'kysely';", 'kysely'],
    ['src/services/cases/planted.ts', "import type { Kysely as planted } from 'kysely';", 'kysely'],
    ['src/server/routes/planted.ts', "import planted from 'better-sqlite3';", 'better-sqlite3'],
    ['src/cli/planted.ts', "import planted from 'pg';", 'pg'],
    ['src/jobs/planted.ts', "import { from as planted } from 'pg-copy-streams';", 'pg-copy-streams'],
    ['src/web/features/cases/planted.tsx', "import { sql as planted } from 'kysely/helpers/sqlite';", 'kysely'],
  ])('%s: %s fails', async (file, line, name) => {
    expect(await lint(file, line)).toContain(
      `Only src/store talks to the database: '${name}' may not be imported here; call a repository instead.`,
    );
  });

  it.each([
    ['src/store/repos/cases/planted.ts', "import { sql as planted } from 'kysely';"],
    ['src/jobs/queue.ts', "import planted from 'pg';"],
    ['test/support/planted.ts', "import planted from 'pg';"],
    ['bench/planted.ts', "import planted from 'better-sqlite3';"],
    ['src/services/cases/planted.test.ts', "import planted from 'pg';"],
    ['src/services/cases/planted.ts', "import { z as planted } from 'zod';"],
  ])('%s: %s passes', async (file, line) => {
    expect(await lint(file, line)).toEqual([]);
  });
});

describe('routes and CLI import services only through a capability index', () => {
  const routes = "routes import a capability's src/services/<capability>/index.ts, src/shared and src/server/http.";
  const cli = "CLI commands import a capability's src/services/<capability>/index.ts, src/shared and src/cli.";

  it.each([
    ["import { planted } from '../../store/store.ts';", 'src/store/store.ts'],
    ["import { planted } from '../../store/repos/users.ts';", 'src/store/repos/users.ts'],
    ["import { planted } from '../../ingest/files.ts';", 'src/ingest/files.ts'],
    ["import type { planted } from '../../domain/schema/index.ts';", 'src/domain/schema/index.ts'],
    ["import { planted } from '../../services/cases/members.ts';", 'src/services/cases/members.ts'],
    ["import { planted } from '../../services/policy.ts';", 'src/services/policy.ts'],
  ])('a route with %s fails', async (line, file) => {
    expect(await lint('src/server/routes/planted.ts', line)).toEqual([`'${file}' is not importable here: ${routes}`]);
  });

  it.each([
    "import { planted } from '../../services/cases/index.ts';",
    "import { planted } from '../../shared/errors.ts';",
    "import { planted } from '../http/route.ts';",
    "import type { planted } from './router.ts';",
    "import { join as planted } from 'node:path';",
    "import planted from 'fastify';",
  ])('a route with %s passes', async (line) => {
    expect(await lint('src/server/routes/planted.ts', line)).toEqual([]);
  });

  it.each([
    ["import { planted } from '../store/repos/users.ts';", 'src/store/repos/users.ts'],
    ["import { planted } from '../services/cases/notes.ts';", 'src/services/cases/notes.ts'],
    ["import { planted } from '../domain/finance/index.ts';", 'src/domain/finance/index.ts'],
  ])('a CLI command with %s fails', async (line, file) => {
    expect(await lint('src/cli/planted.ts', line)).toEqual([`'${file}' is not importable here: ${cli}`]);
  });

  it.each([
    ['src/cli/planted.ts', "import { planted } from '../services/cases/index.ts';"],
    ['src/cli/planted.ts', "import { planted } from './context.ts';"],
    ['src/cli/planted.ts', "import { Command as planted } from 'commander';"],
    ['src/cli/context.ts', "import { Store as planted } from '../store/store.ts';"],
    ['src/server/routes/planted.test.ts', "import { Store as planted } from '../../store/store.ts';"],
  ])('%s with %s passes', async (file, line) => {
    expect(await lint(file, line)).toEqual([]);
  });
});

describe('a capability reaches another only through its index', () => {
  it('fails for a service reaching into another capability', async () => {
    expect(await lint('src/services/cases/planted.ts', "import { planted } from '../entities/links.ts';")).toEqual([
      "Capability 'cases' reaches 'entities' only through src/services/entities/index.ts, not " +
        "'src/services/entities/links.ts'.",
    ]);
  });

  it('fails for a web feature reaching into another feature', async () => {
    const line = "import { planted } from '../../entities/api/entities.ts';";
    expect(await lint('src/web/features/cases/pages/planted.tsx', line)).toEqual([
      "Capability 'cases' reaches 'entities' only through src/web/features/entities/index.ts, not " +
        "'src/web/features/entities/api/entities.ts'.",
    ]);
  });

  it.each([
    ['src/services/cases/planted.ts', "import { planted } from '../entities/index.ts';"],
    ['src/services/cases/planted.ts', "import { planted } from './members/notes.ts';"],
    ['src/services/cases/planted.ts', "import { planted } from '../../store/repos/entities/links.ts';"],
    ['src/web/features/cases/pages/planted.tsx', "import { planted } from '../../entities/index.ts';"],
    ['src/web/features/cases/pages/planted.tsx', "import { planted } from '../api/cases.ts';"],
  ])('%s with %s passes', async (file, line) => {
    expect(await lint(file, line)).toEqual([]);
  });
});

describe('web features never import the app shell', () => {
  it('fails for a feature importing web/app', async () => {
    const line = "import { planted } from '../../../app/router.tsx';";
    expect(await lint('src/web/features/cases/pages/planted.tsx', line)).toEqual([
      "'src/web/app/router.tsx' is not importable here: features do not import the app shell back " +
        '(web/app imports features).',
    ]);
  });

  it('passes for a feature importing web/ui', async () => {
    const line = "import { planted } from '../../../ui/VirtualGrid.tsx';";
    expect(await lint('src/web/features/cases/pages/planted.tsx', line)).toEqual([]);
  });
});

describe('the scenario generator (and its ground truth) only where it is allowed', () => {
  const message = (file: string) =>
    `'${file}' is not importable here: the scenario generator and its ground truth are for the demo and training loaders, the score and tests only.`;
  it.each([
    [
      'src/services/finance/planted.ts',
      "import { generateScenario as planted } from '../../demo/index.ts';",
      'src/demo/index.ts',
    ],
    [
      'src/services/identification/planted.ts',
      "import type { GroundTruth as planted } from '../../demo/groundTruth.ts';",
      'src/demo/groundTruth.ts',
    ],
    [
      'src/services/training/cohorts.ts',
      "import { scenarioStream as planted } from '../../demo/index.ts';",
      'src/demo/index.ts',
    ],
    ['src/store/repos/planted.ts', "import { S as planted } from '../../demo/constants.ts';", 'src/demo/constants.ts'],
    [
      'src/ingest/planted.ts',
      "import { writeSources as planted } from '../demo/sources/index.ts';",
      'src/demo/sources/index.ts',
    ],
  ])('%s: %s fails', async (file, line, target) => {
    expect(await lint(file, line)).toContain(message(target));
  });

  it.each([
    ['src/services/demo/planted.ts', "import { generateScenario as planted } from '../../demo/index.ts';"],
    [
      'src/services/training/exerciseGrading.ts',
      "import type { GroundTruthPart as planted } from '../../demo/index.ts';",
    ],
    ['src/services/training/scenarioImporter.ts', "import { scenarioStream as planted } from '../../demo/index.ts';"],
    ['score/planted.ts', "import { groundTruthSchema as planted } from '../src/demo/index.ts';"],
    ['bench/planted.ts', "import { generateScenario as planted } from '../src/demo/index.ts';"],
    ['src/services/finance/planted.test.ts', "import { generateScenario as planted } from '../../demo/index.ts';"],
  ])('%s: %s passes', async (file, line) => {
    expect(await lint(file, line)).toEqual([]);
  });
});
