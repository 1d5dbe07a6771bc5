/**
 * Turns an entity as written by a user, an importer or the scenario generator into what the
 * store writes: properties validated against the schema, phones/IBANs/emails checked,
 * caption, link ends, selector values and folded search text.
 */
import { errors } from '../../shared/errors.ts';
import { isVictim, pseudonymOf } from '../access/victims.ts';
import type { Grading } from '../records.ts';
import { captionOf, edgeOf, propertiesOf, selectorKindOf, validateProperties } from '../schema/index.ts';
import type { SelectorKind } from '../schema/types.ts';
import { foldText, normaliseSelector } from '../selectors/index.ts';
import type { PreparedEntity, SelectorValue } from './prepared.ts';

/** Kinds whose values must be valid to be accepted: a wrong digit here hides a match. */
const strictKinds: ReadonlySet<SelectorKind> = new Set(['phone', 'iban', 'email']);

export const defaultGrading: Grading = { reliability: 'X', information: '4' };

/** Search text is capped: the first 64 KiB of an entity's values are what a user searches. */
const MAX_SEARCH_TEXT = 65_536;

export interface PrepareOptions {
  /** Country whose numbering plan reads national phone numbers (the case's country). */
  defaultCountry: string;
  /** Reject invalid phones, IBANs and emails (API, forms). Importers may keep them unindexed. */
  strictSelectors?: boolean;
  /** Other tools' files (FtM bulk data) may omit required properties, as FtM itself allows. */
  skipRequired?: boolean;
}

export interface EntityInput {
  id: string;
  schema: string;
  properties: unknown;
  grading?: Grading | undefined;
}

export function prepareEntity(input: EntityInput, opts: PrepareOptions): PreparedEntity {
  const strict = opts.strictSelectors ?? true;
  const properties = validateProperties(input.schema, input.properties, {
    skipRequired: opts.skipRequired ?? false,
    checkSelector: (kind, raw) => {
      if (!strict || !strictKinds.has(kind)) return null;
      const r = normaliseSelector(kind, raw, { defaultCountry: opts.defaultCountry });
      return r.ok ? null : r.reason;
    },
  });

  let sourceId: string | null = null;
  let targetId: string | null = null;
  const edge = edgeOf(input.schema);
  if (edge) {
    sourceId = properties[edge.source]?.[0] ?? null;
    targetId = properties[edge.target]?.[0] ?? null;
    // Imports, like FtM, may hold a link with one end unknown; it is kept, but not drawn.
    if ((edge.optional || opts.skipRequired) && (!sourceId || !targetId)) {
      sourceId = null;
      targetId = null;
    } else if (!sourceId)
      throw errors.validation(`A ${input.schema} link needs "${edge.source}"`, `properties.${edge.source}`);
    else if (!targetId)
      throw errors.validation(`A ${input.schema} link needs "${edge.target}"`, `properties.${edge.target}`);
  }

  const selectors: SelectorValue[] = [];
  const defs = propertiesOf(input.schema);
  const words: string[] = [];
  for (const [prop, values] of Object.entries(properties)) {
    const kind = selectorKindOf(input.schema, prop);
    if (defs[prop]?.type !== 'entity') words.push(...values);
    if (!kind) continue;
    for (const v of values) {
      const r = normaliseSelector(kind, v, { defaultCountry: opts.defaultCountry });
      if (r.ok) selectors.push({ kind, value: r.value, property: prop });
    }
  }
  // A victim's caption is a pseudonym even in the database, so sorting by caption reveals nothing.
  const caption = isVictim(input.schema, properties)
    ? pseudonymOf(input.id)
    : captionOf({ schema: input.schema, properties });
  const searchText = foldText([caption, ...words].join(' ')).slice(0, MAX_SEARCH_TEXT);

  return {
    id: input.id,
    schema: input.schema,
    caption,
    properties,
    sourceId,
    targetId,
    selectors,
    searchText,
    grading: input.grading ?? defaultGrading,
  };
}
