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
