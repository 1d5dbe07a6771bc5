import { z } from 'zod';

export const languages = ['en', 'fi', 'et', 'lv'] as const;
export const Language = z.enum(languages);

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
  totp: z
    .string()
    .regex(/^\d{6}$/, 'six digits')
    .optional(),
  /** After an administrator's reset: the password you choose (the one you were given works once). */
  newPassword: z.string().min(1).max(1024).optional(),
});

export const MePatch = z.strictObject({ language: Language });

const sixDigits = z.string().regex(/^\d{6}$/, 'six digits');

/** Turning the second factor on or replacing it: your password, and the current code when one is on. */
export const TotpEnable = z.strictObject({
  secret: z.string().regex(/^[A-Z2-7]{16,64}$/, 'a base32 secret from /api/auth/totp/new'),
  code: sixDigits,
  password: z.string().min(1).max(1024),
  currentCode: sixDigits.optional(),
});

/** Turning the second factor off: your password and a current code. */
export const TotpDisable = z.strictObject({
  password: z.string().min(1).max(1024),
  code: sixDigits,
});

export const TokenCreate = z.strictObject({ label: z.string().trim().min(1).max(100) });

/** `dpo`: the data-protection officer, who oversees the audit trail and reaches no case data. */
export const platformRoleValues = [
  'admin',
  'investigator',
  'analyst',
  'supervisor',
  'prosecutor',
  'trainer',
  'trainee',
  'dpo',
] as const;

export const UserCreate = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{2,64}$/, '2–64 characters of a–z, 0–9, dot, dash or underscore'),
  displayName: z.string().trim().min(1).max(200).optional(),
  platformRole: z.enum(platformRoleValues),
  agencyId: z.string().min(1).max(200).optional(),
  language: Language.optional(),
});

export const UserPatch = z.strictObject({ disabled: z.boolean() });

export const agencyKindValues = [
  'police',
  'borderGuard',
  'labourInspectorate',
  'tax',
  'fiu',
  'prosecution',
  'victimSupport',
] as const;
export const AgencyCreate = z.strictObject({
  name: z.string().trim().min(1).max(200),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code such as FI, EE or LV'),
  kind: z.enum(agencyKindValues),
});

/** The signed-in user, as /api/auth/me and the sign-in answer give it. */
export const MeOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  platformRole: z.string(),
  agency: z.object({ id: z.string(), name: z.string(), country: z.string(), kind: z.string() }).nullable(),
  language: z.string(),
});
export type MeOut = z.infer<typeof MeOut>;
