/**
 * Contracts of the prosecution package: the case report (sections, language, the background
 * job and its progress), the evidence register, ANX chart exchange and the victim's
 * proceedings file. Shared by the API, the CLI and the web.
 */
import { z } from 'zod';
import { Id } from './common.ts';

/** Kept equal to domain/prosecution/report.ts (contracts do not import the domain; a test checks). */
export const REPORT_SECTIONS = [
  'summary',
  'persons',
  'legalMatrix',
  'chain',
  'charts',
  'timeline',
  'finance',
  'evidence',
  'audit',
] as const;
export const REPORT_LANGUAGES = ['en', 'fi', 'et', 'lv'] as const;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date: YYYY-MM-DD');

export const ReportBody = z.object({
  sections: z.array(z.enum(REPORT_SECTIONS)).max(REPORT_SECTIONS.length).default([]),
  language: z.enum(REPORT_LANGUAGES).optional(),
  /** Saved charts drawn as figures (the chart section); none: the whole case graph when small. */
  chartIds: z.array(Id).max(10).default([]),
});
export type ReportBody = z.infer<typeof ReportBody>;

export const ReportJobOut = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  /** 0–1 */
  progress: z.number(),
  step: z.string(),
  error: z.string().nullable(),
  pages: z.number().nullable(),
  bytes: z.number().nullable(),
  fileName: z.string(),
});
export type ReportJobOut = z.infer<typeof ReportJobOut>;

export const CustodyEvent = z.object({
  at: z.string(),
  userId: z.string(),
  action: z.string(),
  seq: z.number(),
  auditId: z.string(),
});

export const RegisterItemOut = z.object({
  fileId: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  sha256: z.string(),
  entityId: z.string().nullable(),
  source: z.string(),
  /** Capture time for web and ad captures, otherwise when the file was taken into the case. */
  obtainedAt: z.string(),
  obtainedHow: z.enum(['capture', 'import', 'upload']),
  custody: z.array(CustodyEvent),
  status: z.enum(['ok', 'altered', 'sha256Mismatch', 'unreadable', 'notChecked']),
  detail: z.string().nullable(),
});
export type RegisterItemOut = z.infer<typeof RegisterItemOut>;

export const RegisterOut = z.object({
  checkedAt: z.string().nullable(),
  ok: z.boolean().nullable(),
  items: z.array(RegisterItemOut),
  /** File names whose verification failed. */
  failed: z.array(z.string()),
});
export type RegisterOut = z.infer<typeof RegisterOut>;

export const AnxImportBody = z.object({
  fileName: z.string().min(1).max(200).default('chart.anx'),
  content: z
    .string()
    .min(1)
    .max(24 * 1024 * 1024),
});

export const MEASURES = ['videoTestimony', 'noConfrontation', 'anonymity'] as const;
export const REFERRAL_OUTCOMES = ['pending', 'accepted', 'declined', 'notReferred'] as const;
export const PERMIT_STATUSES = ['none', 'applied', 'granted', 'refused', 'notNeeded'] as const;

export const VictimFileBody = z.object({
  version: z.number().int().min(0),
  referral: z.object({
    organisation: z.string().max(200).nullable(),
    date: Day.nullable(),
    outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  }),
  reflection: z.object({ start: Day.nullable(), end: Day.nullable() }),
  residencePermit: z.object({ status: z.enum(PERMIT_STATUSES).nullable(), until: Day.nullable() }),
  interpreterLanguage: z.string().max(60).nullable(),
  legalCounsel: z.string().max(200).nullable(),
  measures: z
    .array(z.object({ measure: z.enum(MEASURES), asked: z.boolean(), granted: z.boolean().nullable() }))
    .max(MEASURES.length),
  nonPunishment: z.object({ flagged: z.boolean(), note: z.string().max(2000).nullable() }),
});
export type VictimFileBody = z.infer<typeof VictimFileBody>;

export const ClaimOut = z.object({
  currency: z.string(),
  wagesOwedMinor: z.number(),
  deductionsMinor: z.number(),
  totalMinor: z.number(),
  lines: z.array(z.object({ kind: z.string(), amountMinor: z.number(), explanation: z.string() })),
  assumptions: z.array(z.string()),
});

export const VictimFileOut = VictimFileBody.extend({
  personId: z.string(),
  caption: z.string(),
  exists: z.boolean(),
  reminders: z.object({
    due: z.array(z.object({ date: z.string(), daysBefore: z.number(), key: z.string() })),
    next: z.object({ date: z.string(), daysBefore: z.number(), key: z.string() }).nullable(),
    daysLeft: z.number().nullable(),
    ended: z.boolean(),
  }),
  compensation: ClaimOut.nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type VictimFileOut = z.infer<typeof VictimFileOut>;

export const VictimSummaryOut = z.object({
  personId: z.string(),
  caption: z.string(),
  hasFile: z.boolean(),
  reflectionEnd: z.string().nullable(),
  dueReminders: z.number(),
});
