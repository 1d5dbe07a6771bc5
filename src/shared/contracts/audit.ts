/** The audit trail: who did what to which record, when, and how many records it returned. */
import { z } from 'zod';

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
  /** As of the event (record version 2); older records name the account as it is now. */
  username: z.string().nullable(),
  /** The actor's agency as of the event (null in records written before it was kept). */
  actorAgency: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  returnedCount: z.number(),
  ip: z.string().nullable(),
  hash: z.string(),
  /** A record of a case the reader may not reach: only its ids and hash are shown. */
  redacted: z.boolean(),
});
export type AuditEventOut = z.infer<typeof AuditEventOut>;
export const AuditOut = z.object({ events: z.array(AuditEventOut), next: z.string().nullable() });
export type AuditOut = z.infer<typeof AuditOut>;
