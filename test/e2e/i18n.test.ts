/**
 * The four languages are complete and really translated: every key in every language, the
 * same placeholders, no Finnish, Estonian or Latvian text left identical to the English outside
 * a short list of names, codes and units, every key the code uses defined, and every entity
 * type and property of the data model named.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listSchemata, propertiesOf } from '../../src/domain/schema/index.ts';
import en from '../../src/web/i18n/en.json' with { type: 'json' };
import et from '../../src/web/i18n/et.json' with { type: 'json' };
import fi from '../../src/web/i18n/fi.json' with { type: 'json' };
import lv from '../../src/web/i18n/lv.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const english = flatten(en as Tree);
const others = { fi: flatten(fi as Tree), et: flatten(et as Tree), lv: flatten(lv as Tree) };

/**
 * Values that are the same in every language: codes of registries and standards. Anything else
 * identical to the English is an untranslated string. (Country names come from the browser's
 * Intl, not from these files.)
 */
const SAME_EVERYWHERE = new Set([
  'IBAN',
  'SWIFT/BIC',
  'HTML',
  'USCC',
  'OKPO',
  'INN',
  'OGRN',
  'LEI',
  'DUNS',
  'NPI',
  'CAGE',
  'PermID',
  'GIIN',
  'VOEN',
  'COATO / SOATO / OKATO',
  'IPO',
  'JIB',
  'MBS',
  'ibcRUC',
  'COD CAEM',
  'KPP',
  'OKOPF',
  'FSS',
  'BIK',
  'OKSM',
  'ISIN',
]);

const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  for (const [lang, table] of Object.entries(others)) {
    it(`${lang} has exactly the English keys`, () => {
      expect(
        [...english.keys()].filter((k) => !table.has(k)),
        `missing in ${lang}`,
      ).toEqual([]);
      expect(
        [...table.keys()].filter((k) => !english.has(k)),
        `only in ${lang}`,
      ).toEqual([]);
    });

    it(`${lang} keeps every placeholder and is not English`, () => {
      const wrongPlaceholders = [...english].filter(
        ([k, v]) => JSON.stringify(placeholders(v)) !== JSON.stringify(placeholders(table.get(k) ?? '')),
      );
      expect(wrongPlaceholders.map(([k]) => k)).toEqual([]);
      const untranslated = [...english].filter(
        ([k, v]) => table.get(k)?.trim().toLowerCase() === v.trim().toLowerCase() && !SAME_EVERYWHERE.has(v),
      );
      expect(untranslated.map(([k, v]) => `${k}: ${v}`)).toEqual([]);
      expect([...table].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
    });
  }

  it('names every entity type and every property of the data model', () => {
    const missing: string[] = [];
    for (const s of listSchemata()) {
      for (const form of ['one', 'other'])
        if (!english.has(`schema.${s.name}.${form}`)) missing.push(`schema.${s.name}.${form}`);
      for (const p of Object.keys(propertiesOf(s.name))) if (!english.has(`prop.${p}`)) missing.push(`prop.${p}`);
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('defines every key the web code asks for by name', async () => {
    const root = fileURLToPath(new URL('../../src/web', import.meta.url));
    const files: string[] = [];
    const walk = async (dir: string) => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        if (e.isDirectory()) await walk(join(dir, e.name));
        else if (/\.tsx?$/.test(e.name)) files.push(join(dir, e.name));
      }
    };
    await walk(root);
    const used = new Set<string>();
    for (const f of files)
      for (const m of (await readFile(f, 'utf8')).matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1] ?? '');
    expect(used.size).toBeGreaterThan(200);
    expect([...used].filter((k) => !english.has(k))).toEqual([]);
  });
});
