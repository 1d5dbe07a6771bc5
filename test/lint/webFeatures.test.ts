/**
 * The web's lint rules fire: a feature that imports the app shell, or another feature past its
 * index.ts, is refused; the same imports through web/ui and the index pass.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function restricted(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('web feature lint rules', () => {
  it('refuses a feature page importing the app shell', async () => {
    const code = "import { matchRoute } from '../../../app/router.ts';\nexport const a = matchRoute;\n";
    expect(await restricted(code, 'src/web/features/finance/pages/Planted.tsx')).toEqual([
      expect.stringContaining('must not import from web/app'),
    ]);
  });

  it("refuses a feature reaching past another feature's index.ts, at either depth", async () => {
    const deep = "import { useCases } from '../../cases/api/hooks.ts';\nexport const a = useCases;\n";
    expect(await restricted(deep, 'src/web/features/finance/pages/Planted.tsx')).toEqual([
      expect.stringContaining("only through that feature's index.ts"),
    ]);
    const top = "import { useCases } from '../cases/api/hooks.ts';\nexport const a = useCases;\n";
    expect(await restricted(top, 'src/web/features/finance/planted.ts')).toEqual([
      expect.stringContaining("only through that feature's index.ts"),
    ]);
  });

  it('lets a feature use web/ui, its own files and another feature through its index', async () => {
    const code = [
      "import { paths } from '../../../ui/routing/paths.ts';",
      "import { useCase } from '../../cases/index.ts';",
      "import { moneyOf } from '../components/money.ts';",
      'export const a = [paths, useCase, moneyOf];',
      '',
    ].join('\n');
    expect(await restricted(code, 'src/web/features/finance/pages/Planted.tsx')).toEqual([]);
  });
});
