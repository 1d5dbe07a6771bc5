/**
 * Online captures: each captured ad or web page with its URL, capture time and SHA-256 (the
 * bytes themselves are an evidence file in `case_files`), what was read from it, and the
 * fingerprints of its pictures for finding the same photo in other ads. Case-scoped.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/** store/tables.ts: `captures: CapturesTable`. */
export interface CapturesTable {
  case_id: string;
  id: string;
  /** The OnlineAd entity made from it. */
  ad_entity_id: string;
  /** The evidence file (`case_files.id`) holding the captured bytes. */
  file_id: string;
  source_id: string;
  url: string;
  site: string;
  /** When the page was captured (ISO 8601), as the capturing officer states it. */
  captured_at: string;
  /** SHA-256 of the captured file, recorded at capture. */
  sha256: string;
  size: number;
  /** html, mhtml, text or image */
  kind: string;
  mime_type: string;
  charset: string | null;
  title: string;
  /** The visible text read from the page. */
  text: string;
  /** JSON: phones, e-mails, handles, prices, ages, places and red flags with their offsets in `text`. */
  extraction: string;
  /** JSON list of problems with embedded parts (kept, reported). */
  warnings: string;
  created_by: string;
  created_at: string;
}

/** store/tables.ts: `capture_images: CaptureImagesTable`. */
export interface CaptureImagesTable {
  case_id: string;
  capture_id: string;
  idx: number;
  sha256: string;
  mime_type: string;
  width: number | null;
  height: number | null;
  /** 16 hex digits each; null when the picture could not be fingerprinted. */
  dhash: string | null;
  phash: string | null;
  /** file, part or inline */
  origin: string;
  note: string | null;
}

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('captures')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('ad_entity_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('site', 'text', (c) => c.notNull())
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('charset', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('extraction', 'text', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('captures_pk', ['case_id', 'id'])
    .addForeignKeyConstraint('captures_case_fk', ['case_id'], 'cases', ['case_id'], (cb) => cb.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('captures_ad_idx').on('captures').columns(['case_id', 'ad_entity_id']).execute();
  await db.schema.createIndex('captures_time_idx').on('captures').columns(['case_id', 'captured_at']).execute();

  await db.schema
    .createTable('capture_images')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('capture_id', 'text', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('dhash', 'text')
    .addColumn('phash', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('capture_images_pk', ['case_id', 'capture_id', 'idx'])
    .addForeignKeyConstraint('capture_images_case_fk', ['case_id'], 'cases', ['case_id'], (cb) =>
      cb.onDelete('cascade'),
    )
    .execute();
}
