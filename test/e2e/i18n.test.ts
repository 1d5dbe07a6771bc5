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
import { PreviewItem } from '../../src/shared/contracts/imports.ts';
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

/** i18next plural forms: `key_one`, `key_other`… chosen by the language's plural rules. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const pluralBases = (table: Map<string, string>) =>
  new Set([...table.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
/** Keys with a plural base written as that base, so languages with other plural forms compare. */
const singularKeys = (table: Map<string, string>) => new Set([...table.keys()].map((k) => k.replace(PLURAL, '')));

const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  for (const [lang, table] of Object.entries(others)) {
    it(`${lang} has exactly the English keys, each plural in the forms of its language`, () => {
      const ours = singularKeys(table);
      const theirs = singularKeys(english);
      expect(
        [...theirs].filter((k) => !ours.has(k)),
        `missing in ${lang}`,
      ).toEqual([]);
      expect(
        [...ours].filter((k) => !theirs.has(k)),
        `only in ${lang}`,
      ).toEqual([]);
      const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const base of pluralBases(english))
        expect(
          [...table.keys()].filter((k) => k.replace(PLURAL, '') === base && k !== base).sort(),
          `${lang} ${base}`,
        ).toEqual(forms.map((f) => `${base}_${f}`).sort());
    });

    it(`${lang} keeps every placeholder and is not English`, () => {
      // A plural form is compared with the English "other" form of its key.
      const englishOf = (k: string) => english.get(k) ?? english.get(k.replace(PLURAL, '_other')) ?? '';
      const wrongPlaceholders = [...table].filter(
        ([k, v]) => JSON.stringify(placeholders(v)) !== JSON.stringify(placeholders(englishOf(k))),
      );
      expect(wrongPlaceholders.map(([k]) => k)).toEqual([]);
      const untranslated = [...english].filter(
        ([k, v]) => table.get(k)?.trim().toLowerCase() === v.trim().toLowerCase() && !SAME_EVERYWHERE.has(v),
      );
      expect(untranslated.map(([k, v]) => `${k}: ${v}`)).toEqual([]);
      expect([...table].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
    });
  }

  it('names every kind of record an import preview shows', () => {
    const missing = PreviewItem.shape.kind.options.filter((k) => !english.has(`preview.kinds.${k}`));
    expect(missing).toEqual([]);
  });

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
    expect([...used].filter((k) => !english.has(k) && !english.has(`${k}_other`))).toEqual([]);
  });
});
