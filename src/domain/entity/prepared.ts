/** An entity checked and indexed, ready for the store to write. */
import type { Grading } from '../records.ts';
import type { Properties, SelectorKind } from '../schema/types.ts';

export interface SelectorValue {
  kind: SelectorKind;
  value: string;
  property: string;
}

export interface PreparedEntity {
  id: string;
  schema: string;
  caption: string;
  properties: Properties;
  /** Links: the entity ids at either end. */
  sourceId: string | null;
  targetId: string | null;
  selectors: SelectorValue[];
  /** Folded text for full-text search: names, property values. */
  searchText: string;
  grading: Grading;
}
