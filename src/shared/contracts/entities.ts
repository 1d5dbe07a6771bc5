import { z } from 'zod';
import { Grading, Id } from './common.ts';

/** FtM-style property values: a list of strings per property; a single string is accepted. */
export const PropertyValues = z.record(z.string().min(1).max(100), z.union([z.string(), z.array(z.string())]));

export const EntityCreate = z.strictObject({
  id: Id.optional().describe('Keep an id from another tool (FtM); a UUIDv7 is made when absent'),
  schema: z.string().min(1).max(100).describe('Entity or link type, FollowTheMoney name (Person, Company, Payment…)'),
  properties: PropertyValues,
  grading: Grading.optional(),
  sourceId: z.string().max(200).optional().describe('Provenance: import batch, evidence document or officer note'),
});
export type EntityCreate = z.infer<typeof EntityCreate>;

export const EntityUpdate = z.strictObject({
  properties: PropertyValues.describe(
    'Merged into the current properties: each property given replaces that property (an empty list removes it)',
  ),
  /** The whole record as the client holds it: properties not given are removed. */
  replace: z.boolean().optional().describe('Replace all properties with those given instead of merging'),
  grading: Grading.optional(),
  version: z.number().int().min(1).describe('The version being edited; a stale version is refused'),
});
export type EntityUpdate = z.infer<typeof EntityUpdate>;

export const EntityOut = z.object({
  id: z.string(),
  schema: z.string(),
  caption: z.string(),
  properties: z.record(z.string(), z.array(z.string())),
  sourceId: z.string().nullable().describe('Links: the source entity'),
  targetId: z.string().nullable().describe('Links: the target entity'),
  provenance: z.object({ sourceId: z.string().nullable(), recordedBy: z.string(), recordedAt: z.string() }),
  grading: Grading,
  version: z.number(),
  updatedAt: z.string(),
  /** A victim shown by pseudonym: identifying properties withheld. */
  pseudonymised: z.boolean().optional(),
});
export type EntityOut = z.infer<typeof EntityOut>;

export const EntityListQuery = z.object({
  schema: z.union([z.string(), z.array(z.string())]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  after: z.string().max(1000).optional(),
});

export const NoteCreate = z.strictObject({
  text: z.string().trim().min(1).max(100_000),
  kind: z
    .enum(['note', 'assessment'])
    .default('note')
    .describe("A note records an observation; an assessment is an analyst's judgement"),
});

export const JournalCreate = z.strictObject({
  kind: z.enum(['decision', 'action', 'event']),
  text: z.string().trim().min(1).max(100_000),
  occurredAt: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});

export const SourceCreate = z.strictObject({
  kind: z.enum(['import', 'evidence', 'officer']),
  label: z.string().trim().min(1).max(500),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  fileName: z.string().max(500).optional(),
});

export const NoteOut = z.object({
  id: z.string(),
  kind: z.string(),
  text: z.string(),
  author: z.string(),
  createdAt: z.string(),
});
export type NoteOut = z.infer<typeof NoteOut>;

export const HistoryOut = z.object({
  version: z.number(),
  change: z.string(),
  changedBy: z.string(),
  changedAt: z.string(),
  properties: z.record(z.string(), z.array(z.string())),
});
export type HistoryOut = z.infer<typeof HistoryOut>;

/** One entity with its links, related entities, notes and version history. */
export const EntityDetail = z.object({
  entity: EntityOut,
  links: z.array(EntityOut),
  related: z.array(EntityOut).optional(),
  notes: z.array(NoteOut),
  history: z.array(HistoryOut),
});
export type EntityDetail = z.infer<typeof EntityDetail>;

/** The entity table: filters, sorting and offset pages for a virtualised list. */
export const entityRowSorts = ['caption', 'schema', 'updatedAt', 'recordedAt'] as const;

export const EntityRowsQuery = z.object({
  schema: z.union([z.string().max(100), z.array(z.string().max(100)).max(100)]).optional(),
  kind: z.enum(['all', 'entities', 'links']).default('all'),
  q: z.string().trim().max(200).optional().describe('Part of the caption, any case'),
  status: z
    .string()
    .max(50)
    .optional()
    .describe('Procedural status of persons: suspect, victim, presumedVictim, witness, other'),
  source: z.string().max(200).optional().describe('Only what this provenance source (an import batch) recorded'),
  ids: z.string().max(40_000).optional().describe('Comma-separated ids: captions of link ends'),
  sort: z.enum(entityRowSorts).default('caption'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.coerce.number().int().min(0).max(100_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type EntityRowsQuery = z.input<typeof EntityRowsQuery>;

export const EntityRowOut = z.object({
  id: z.string(),
  schema: z.string(),
  caption: z.string(),
  /** Procedural status of a person (suspect, victim…), null otherwise. */
  status: z.string().nullable(),
  /** Crime-script functions (recruiter, enforcer…). */
  functions: z.array(z.string()),
  /** True when `caption` is a pseudonym standing in for a victim's name. */
  pseudonym: z.boolean(),
  sourceId: z.string().nullable(),
  targetId: z.string().nullable(),
  reliability: z.string(),
  information: z.string(),
  updatedAt: z.string(),
});
export type EntityRowOut = z.infer<typeof EntityRowOut>;

export const EntityRowsOut = z.object({ total: z.number(), rows: z.array(EntityRowOut) });
export type EntityRowsOut = z.infer<typeof EntityRowsOut>;

/** Recent changes to the case's entities, newest first. */
export const ActivityOut = z.object({
  items: z.array(
    z.object({
      entityId: z.string(),
      schema: z.string(),
      caption: z.string(),
      pseudonym: z.boolean(),
      change: z.string(),
      version: z.number(),
      changedBy: z.string(),
      changedByName: z.string().nullable(),
      changedAt: z.string(),
    }),
  ),
});
export type ActivityOut = z.infer<typeof ActivityOut>;

/** The case data model as the forms need it. */
export const PropertyOut = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  range: z.string().nullable(),
  values: z.array(z.string()).nullable(),
  single: z.boolean(),
});
export type PropertyOut = z.infer<typeof PropertyOut>;

export const SchemaOut = z.object({
  name: z.string(),
  label: z.string(),
  plural: z.string(),
  abstract: z.boolean(),
  /** Links: which properties hold the two ends. */
  edge: z.object({ source: z.string(), target: z.string(), label: z.string(), directed: z.boolean() }).nullable(),
  ancestors: z.array(z.string()),
  required: z.array(z.string()),
  caption: z.array(z.string()),
  properties: z.array(PropertyOut),
});
export type SchemaOut = z.infer<typeof SchemaOut>;
export const SchemataOut = z.object({ schemata: z.array(SchemaOut) });
export type SchemataOut = z.infer<typeof SchemataOut>;
