/**
 * Heavy-operation slots held now, one row each, so every server process on the database counts
 * the same caps (services/workers/sharedCaps.ts). Global: a slot belongs to a user, not a case.
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

export interface HeavySlotsTable {
  id: string;
  user_id: string;
  /** `report` | `import` | `batch` | `chart-import` | `rules` */
  kind: string;
  /** The process holding it; it renews `held_until` while it runs. */
  holder: string;
  acquired_at: string;
  /** A slot not renewed by then belongs to a process that died: it no longer counts. */
  held_until: string;
}
