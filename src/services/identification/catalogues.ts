/**
 * Indicator catalogues: the ones the platform ships (domain/indicators) and those an agency
 * imported (its official or national list), each a numbered version that is never changed once
 * stored, so an assessment's `catalogue@version` always means the same list.
 */
import { createHash } from 'node:crypto';
import { BUILT_IN_CATALOGUES, Catalogue } from '../../domain/indicators/index.ts';
import type { Catalogue as CatalogueT } from '../../domain/indicators/index.ts';
import { errors } from '../../shared/errors.ts';
import type { ImportCatalogueBody } from '../../shared/contracts/identification.ts';
import {
  catalogueExists,
  catalogueRows,
  insertCatalogue,
  newestCatalogueRow,
} from '../../store/repos/identification/catalogues.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/index.ts';
import { catalogueFromCsv } from './catalogueCsv.ts';

export interface CatalogueSummary {
  key: string;
  version: number;
  title: CatalogueT['title'];
  kind: CatalogueT['kind'];
  origin: 'built-in' | 'imported';
  source: string;
  lists: { id: string; population: string; exploitation: string; items: number; unverified: number }[];
  importedAt: string | null;
}

function summary(c: CatalogueT, origin: CatalogueSummary['origin'], importedAt: string | null): CatalogueSummary {
  return {
    key: c.key,
    version: c.version,
    title: c.title,
    kind: c.kind,
    origin,
    source: c.source,
    importedAt,
    lists: c.lists.map((l) => ({
      id: l.id,
      population: l.population,
      exploitation: l.exploitation,
      items: l.items.length,
      unverified: l.items.filter((i) => i.verification === 'unverified').length,
    })),
  };
}

export async function listCatalogues(store: Store): Promise<CatalogueSummary[]> {
  const rows = await catalogueRows(store.db);
  const imported = rows.map((r) => summary(Catalogue.parse(JSON.parse(r.content)), 'imported', r.imported_at));
  return [...BUILT_IN_CATALOGUES.map((c) => summary(c, 'built-in', null)), ...imported];
}

/** A catalogue by key, at a version or its newest. */
export async function getCatalogue(store: Store, key: string, version?: number): Promise<CatalogueT> {
  const builtIn = BUILT_IN_CATALOGUES.filter((c) => c.key === key && (version === undefined || c.version === version));
  const row = await newestCatalogueRow(store.db, key, version);
  const best = builtIn.sort((a, b) => b.version - a.version)[0];
  if (row && (!best || row.version > best.version)) return Catalogue.parse(JSON.parse(row.content));
  if (best) return best;
  throw errors.notFound(`Indicator catalogue ${key}${version ? `@${version}` : ''}`);
}

/** zod issues of a catalogue, as a 4xx naming the field (`catalogue.lists.0.items.3.rating`). */
function validate(raw: unknown, where: string): CatalogueT {
  const r = Catalogue.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = [where, ...(issue?.path ?? []).map(String)].join('.');
  throw errors.validation(`${path}: ${issue?.message ?? 'invalid'}`, path);
}

export async function importCatalogue(
  store: Store,
  actor: Actor,
  body: ImportCatalogueBody,
): Promise<CatalogueSummary> {
  let catalogue: CatalogueT;
  if (body.format === 'json') catalogue = validate(body.catalogue, 'body.catalogue');
  else {
    const base = await getCatalogue(store, body.ruleFrom ?? 'ilo-ec-delphi-2009');
    const draft = await catalogueFromCsv(body.csv, base);
    catalogue = validate(
      { ...draft, key: body.key, version: body.version, title: { en: body.title }, source: body.source },
      'body',
    );
  }
  if (BUILT_IN_CATALOGUES.some((c) => c.key === catalogue.key && c.version >= catalogue.version)) {
    throw errors.conflict(
      `${catalogue.key} version ${catalogue.version} is shipped with the platform; import a higher version or another key`,
      'version',
    );
  }
  const content = JSON.stringify(catalogue);
  const id = `${catalogue.key}@${catalogue.version}`;
  const exists = await catalogueExists(store.db, id);
  if (exists)
    throw errors.conflict(
      `${id} is already imported; versions are never replaced — import version ${catalogue.version + 1}`,
      'version',
    );
  const now = new Date().toISOString();
  await insertCatalogue(store.db, {
    id,
    key: catalogue.key,
    version: catalogue.version,
    title: catalogue.title.en,
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
    imported_by: actor.id,
    imported_at: now,
  });
  return summary(catalogue, 'imported', now);
}
