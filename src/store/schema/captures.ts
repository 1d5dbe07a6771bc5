/**
 * Online captures: each captured ad or web page with its URL, capture time and SHA-256 (the bytes
 * are an evidence file in `case_files`), what was read from it, and its pictures' fingerprints. Case-scoped.
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

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
