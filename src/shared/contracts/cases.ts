import { z } from 'zod';

export const caseRoles = ['lead', 'investigator', 'analyst', 'reader'] as const;
export const CaseRole = z.enum(caseRoles);

export const CaseCreate = z.strictObject({
  title: z.string().trim().min(1).max(300),
  reference: z.string().trim().max(100).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code such as LV, EE or FI')
    .describe('Numbering plan used to read national phone numbers written without a country code'),
  description: z.string().max(10_000).optional(),
});
export type CaseCreate = z.infer<typeof CaseCreate>;

export const CaseUpdate = CaseCreate.partial().extend({ status: z.enum(['open', 'closed']).optional() });

export const CaseOut = z.object({
  id: z.string(),
  title: z.string(),
  reference: z.string().nullable(),
  country: z.string(),
  description: z.string().nullable(),
  status: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  myRole: z.string().optional(),
});
export type CaseOut = z.infer<typeof CaseOut>;

export const MemberAdd = z.strictObject({ userId: z.string().min(1), caseRole: CaseRole });
