/**
 * Contracts of the routes the web workspace reads: the entity table (filters, sorting, offset
 * pages for a virtualised list), recent activity, search across cases, the audit trail, case
 * members with their names, and the case data model as the forms need it.
 */
import { z } from 'zod';
import { CaseRole } from './cases.ts';
import { selectorKinds } from './search.ts';

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

export const searchModes = ['auto', 'text', ...selectorKinds] as const;

export const GlobalSearchQuery = z.object({
  q: z.string().trim().min(1, 'type something to search for').max(500),
  mode: z
    .enum(searchModes)
    .default('auto')
    .describe('auto: full text, plus phone/IBAN/e-mail look-up when the words look like one'),
  limit: z.coerce.number().int().min(1).max(100).default(25).describe('Hits per case'),
});

export const GlobalSearchOut = z.object({
  /** What the words were looked up as: `text`, or a selector kind with its normalised form. */
  lookedUpAs: z.array(z.object({ mode: z.string(), normalised: z.string().nullable() })),
  cases: z.array(
    z.object({
      caseId: z.string(),
      title: z.string(),
      reference: z.string().nullable(),
      hits: z.array(z.object({ entity: EntityRowOut, matchedBy: z.string(), property: z.string().nullable() })),
    }),
  ),
});
export type GlobalSearchOut = z.infer<typeof GlobalSearchOut>;

export const auditActions = [
  'collection',
  'alteration',
  'consultation',
  'disclosure',
  'combination',
  'erasure',
  'login',
  'logout',
  'permission',
  'denied',
] as const;

export const AuditQuery = z.object({
  caseId: z.string().max(200).optional(),
  user: z.string().max(200).optional().describe('User id'),
  action: z.enum(auditActions).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  before: z.string().max(30).optional().describe('The `next` of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditEventOut = z.object({
  id: z.string(),
  at: z.string(),
  caseId: z.string().nullable(),
  userId: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  returnedCount: z.number(),
  ip: z.string().nullable(),
});
export type AuditEventOut = z.infer<typeof AuditEventOut>;
export const AuditOut = z.object({ events: z.array(AuditEventOut), next: z.string().nullable() });
export type AuditOut = z.infer<typeof AuditOut>;

export const MemberOut = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  caseRole: z.string(),
  victimContact: z.boolean(),
  addedBy: z.string(),
  addedAt: z.string(),
});
export type MemberOut = z.infer<typeof MemberOut>;

export const MemberUpdate = z.strictObject({ caseRole: CaseRole.optional(), victimContact: z.boolean().optional() });

export const UserLookupQuery = z.object({
  username: z.string().trim().min(2, 'at least 2 characters').max(64),
});

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
