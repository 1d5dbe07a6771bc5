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
