/**
 * The column mapper's model and its translation into a FollowTheMoney mapping (the `ftm-mapping`
 * importer's language). JSON is valid YAML, so the mapping is written as JSON.
 */
import type { SchemaOut } from '../../../../shared/contracts/entities.ts';

export interface MappedEntity {
  name: string;
  schema: string;
  /** Columns whose values identify the entity (same values → same entity). */
  keys: string[];
  props: { prop: string; column: string }[];
}

export interface MappedLink {
  name: string;
  schema: string;
  source: string;
  target: string;
  props: { prop: string; column: string }[];
}

export interface MapperState {
  entities: MappedEntity[];
  links: MappedLink[];
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A first guess: columns named like a Person's properties are mapped to them. */
export function guessState(headers: readonly string[], person: SchemaOut | undefined): MapperState {
  const props = (person?.properties ?? []).filter((p) => p.type !== 'entity');
  const mapped = headers.flatMap((h) => {
    const p = props.find((x) => norm(x.name) === norm(h) || norm(x.label) === norm(h));
    return p ? [{ prop: p.name, column: h }] : [];
  });
  const name = mapped.find((m) => m.prop === 'name');
  return {
    entities: [
      {
        name: 'person',
        schema: 'Person',
        keys: name ? [name.column] : mapped.slice(0, 1).map((m) => m.column),
        props: mapped,
      },
    ],
    links: [],
  };
}

function keysOf(e: MappedEntity): string[] {
  return e.keys.length ? e.keys : [...new Set(e.props.map((p) => p.column))];
}

export function toMapping(state: MapperState, schemata: readonly SchemaOut[], fileName: string): string {
  const entities: Record<string, unknown> = {};
  for (const e of state.entities) {
    entities[e.name] = {
      schema: e.schema,
      keys: keysOf(e),
      properties: Object.fromEntries(
        e.props.filter((p) => p.prop && p.column).map((p) => [p.prop, { column: p.column }]),
      ),
    };
  }
  for (const l of state.links) {
    const edge = schemata.find((s) => s.name === l.schema)?.edge;
    const ends = [state.entities.find((e) => e.name === l.source), state.entities.find((e) => e.name === l.target)];
    if (!edge) continue;
    entities[l.name] = {
      schema: l.schema,
      // One link per row between the two entities of that row.
      keys: [...new Set(ends.flatMap((e) => (e ? keysOf(e) : [])))],
      properties: {
        [edge.source]: { entity: l.source },
        [edge.target]: { entity: l.target },
        ...Object.fromEntries(l.props.filter((p) => p.prop && p.column).map((p) => [p.prop, { column: p.column }])),
      },
    };
  }
  return JSON.stringify({ import: { queries: [{ csv_url: fileName, entities }] } }, null, 2);
}
