import { z } from 'zod';

export const caseRoles = ['lead', 'member', 'readonly'] as const;
export const CaseRole = z.enum(caseRoles);
export const HandlingCode = z
  .enum(['H0', 'H1', 'H2', 'H3'])
  .describe('Europol-style handling code limiting onward sharing and export');
export const CasePurpose = z.enum(['operational', 'training', 'demo']);

export const CaseCreate = z.strictObject({
  title: z.string().trim().min(1).max(300),
  reference: z.string().trim().max(100).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code such as LV, EE or FI')
    .describe('Numbering plan used to read national phone numbers written without a country code'),
  description: z.string().max(10_000).optional(),
  handlingCode: HandlingCode.optional(),
  purpose: CasePurpose.optional().describe('training and demo cases are the only ones trainees and trainers reach'),
});
export type CaseCreate = z.infer<typeof CaseCreate>;

export const CaseUpdate = CaseCreate.omit({ purpose: true })
  .partial()
  .extend({ status: z.enum(['open', 'closed']).optional() });

export const CaseOut = z.object({
  id: z.string(),
  title: z.string(),
  reference: z.string().nullable(),
  country: z.string(),
  description: z.string().nullable(),
  status: z.string(),
  ownerAgencyId: z.string().nullable(),
  handlingCode: z.string().nullable(),
  purpose: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  myRole: z.string().optional(),
});
export type CaseOut = z.infer<typeof CaseOut>;

export const MemberAdd = z.strictObject({
  userId: z.string().min(1),
  caseRole: CaseRole,
  victimContact: z.boolean().default(false).describe('May see victims’ identities in this case'),
});

export const ShareCreate = z.strictObject({
  agencyId: z.string().min(1),
  access: z.enum(['read', 'contribute']),
  entityIds: z
    .array(z.string().min(1).max(200))
    .max(10_000)
    .optional()
    .describe('Share only these entities (and the links between them)'),
});

/** What the signed-in user may do in a case. */
export const CaseAccessOut = z.object({
  role: z.string(),
  canWrite: z.boolean(),
  canManage: z.boolean(),
  victimContact: z.boolean(),
  partial: z.boolean(),
});
export type CaseAccessOut = z.infer<typeof CaseAccessOut>;

export const CaseDetail = CaseOut.extend({
  counts: z.array(z.object({ schema: z.string(), n: z.number() })),
  transactions: z.number(),
  access: CaseAccessOut.optional(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const JournalEntry = z.object({
  id: z.string(),
  kind: z.string(),
  text: z.string(),
  occurredAt: z.string(),
  author: z.string(),
  createdAt: z.string(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

export const SourceOut = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  sha256: z.string().nullable(),
  fileName: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type SourceOut = z.infer<typeof SourceOut>;

export const ShareOut = z.object({
  agencyId: z.string(),
  access: z.string(),
  partial: z.boolean(),
  sharedBy: z.string(),
  sharedAt: z.string(),
});
export type ShareOut = z.infer<typeof ShareOut>;

export const AgencyOut = z.object({ id: z.string(), name: z.string(), country: z.string(), kind: z.string() });
export type AgencyOut = z.infer<typeof AgencyOut>;

/** Case members with their names, and the user look-up that adds them. */
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
