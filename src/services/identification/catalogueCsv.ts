/**
 * An agency's indicator list as CSV, one indicator a line:
 * `list,population,exploitation,dimension,rating,id,text_en,text_fi,text_et,text_lv,source,verification,means,purpose`
 * (the text_fi/et/lv, means and purpose columns may be empty; means separated by `|`). Dimensions
 * and the decision rule come from a base catalogue. Any bad value is refused naming its line
 * and column; the whole file is checked against the catalogue schema afterwards.
 */
import { z } from 'zod';
import type { Catalogue, CatalogueInput, Item, List } from '../../domain/indicators/index.ts';
import { Item as ItemSchema, MEANS } from '../../domain/indicators/index.ts';
import { memoryInput } from '../../ingest/files.ts';
import { readCsv } from '../../ingest/formats/csvRecords.ts';
import { errors } from '../../shared/errors.ts';

export const CSV_COLUMNS = [
  'list',
  'population',
  'exploitation',
  'dimension',
  'rating',
  'id',
  'text_en',
  'text_fi',
  'text_et',
  'text_lv',
  'source',
  'verification',
  'means',
  'purpose',
] as const;
const REQUIRED = ['list', 'population', 'exploitation', 'id', 'text_en', 'source', 'verification'] as const;

const Population = z.enum(['adult', 'child', 'any']);
const Exploitation = z.enum(['labour', 'sexual', 'any']);

export async function catalogueFromCsv(
  csv: string,
  base: Catalogue,
): Promise<Omit<CatalogueInput, 'key' | 'version' | 'title' | 'source'>> {
  const lists = new Map<string, List>();
  let header: string[] | null = null;
  for await (const rec of readCsv(memoryInput('catalogue.csv', csv))) {
    if (!header) {
      header = rec.values.map((h) => h.trim().toLowerCase());
      const missing = REQUIRED.filter((c) => !header?.includes(c));
      if (missing.length)
        throw errors.validation(
          `line ${rec.line}: the header lacks ${missing.join(', ')} (columns: ${CSV_COLUMNS.join(',')})`,
          `line ${rec.line}`,
        );
      const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
      if (unknown.length)
        throw errors.validation(`line ${rec.line}: unknown column ${unknown.join(', ')}`, `line ${rec.line}`);
      continue;
    }
    if (rec.values.every((v) => v.trim() === '')) continue;
    const cols = header;
    const get = (c: string): string => (rec.values[cols.indexOf(c)] ?? '').trim();
    const at = (c: string) => `line ${rec.line}, column ${c}`;
    const fail = (c: string, msg: string) => errors.validation(`${at(c)}: ${msg}`, at(c));
    const population = Population.safeParse(get('population'));
    if (!population.success) throw fail('population', 'adult, child or any');
    const exploitation = Exploitation.safeParse(get('exploitation'));
    if (!exploitation.success) throw fail('exploitation', 'labour, sexual or any');
    const means = get('means')
      ? get('means')
          .split('|')
          .map((m) => m.trim())
      : [];
    const badMeans = means.find((m) => !(MEANS as readonly string[]).includes(m));
    if (badMeans) throw fail('means', `"${badMeans}" is not one of ${MEANS.join(', ')}`);
    const purpose = get('purpose').toLowerCase();
    if (purpose && !['true', 'false', 'yes', 'no'].includes(purpose)) throw fail('purpose', 'true or false');
    const text = {
      en: get('text_en'),
      ...Object.fromEntries(
        (['fi', 'et', 'lv'] as const).filter((l) => get(`text_${l}`)).map((l) => [l, get(`text_${l}`)]),
      ),
    };
    const raw = {
      id: get('id'),
      text,
      source: get('source'),
      verification: get('verification'),
      ...(get('dimension') ? { dimension: get('dimension') } : {}),
      ...(get('rating') ? { rating: get('rating') } : {}),
      ...(means.length ? { means } : {}),
      ...(purpose ? { purpose: purpose === 'true' || purpose === 'yes' } : {}),
    };
    const item = ItemSchema.safeParse(raw);
    if (!item.success) {
      const field = String(item.error.issues[0]?.path[0] ?? 'id');
      const col = field === 'text' ? 'text_en' : field;
      throw fail(col, item.error.issues[0]?.message ?? 'invalid');
    }
    if (base.kind === 'delphi' && !base.dimensions.some((d) => d.id === item.data.dimension))
      throw fail('dimension', `one of ${base.dimensions.map((d) => d.id).join(', ')}`);
    if (base.kind === 'delphi' && !item.data.rating) throw fail('rating', 'strong, medium or weak');
    const listId = get('list');
    if (!/^[A-Za-z0-9._-]{1,80}$/.test(listId)) throw fail('list', 'letters, digits, dot, dash or underscore');
    const list = lists.get(listId) ?? {
      id: listId,
      population: population.data,
      exploitation: exploitation.data,
      text: { en: listId },
      items: [] as Item[],
    };
    if (list.population !== population.data || list.exploitation !== exploitation.data)
      throw fail(
        'population',
        `list ${listId} was declared ${list.population}/${list.exploitation} on an earlier line`,
      );
    if (list.items.some((i) => i.id === item.data.id))
      throw fail('id', `"${item.data.id}" appears twice in list ${listId}`);
    list.items.push(item.data);
    lists.set(listId, list);
  }
  if (!header) throw errors.validation('line 1: the file is empty', 'line 1');
  if (lists.size === 0) throw errors.validation('line 2: no indicator lines after the header', 'line 2');
  return {
    kind: base.kind,
    dimensions: base.dimensions,
    lists: [...lists.values()],
    ...(base.rule ? { rule: base.rule } : {}),
  };
}
