/**
 * The analyst's saved work in the analysis views: link charts, and hand placements on the crime-script
 * chain and the map. Case-scoped.
 *
 * Current table row types (migrations in store/migrations are the history that made them).
 */

export interface ChartsTable {
  case_id: string;
  id: string;
  name: string;
  /** JSON: positions, pinned nodes, filters, period, layout (shared/contracts/views.ts ChartContent). */
  content: string;
  /** JSON of an imported file's graph (CaseGraphOut), or null for a chart of the case's entities. */
  graph: string | null;
  node_count: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ViewPlacementsTable {
  case_id: string;
  /** `chain` (a lane) or `map` (a position). */
  view: string;
  entity_id: string;
  /** Chain: a lane of domain/crimeScript or `none`; null on the map. */
  lane: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Why, in the analyst's words (optional). */
  note: string | null;
  placed_by: string;
  placed_at: string;
}
