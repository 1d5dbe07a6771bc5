/**
 * Hit/no-hit and cooperation between cases and between deployments: cooperation agreements,
 * hit notices, cooperation requests. Shared by the API, the CLI and the web pages.
 */
import { z } from 'zod';

/** Selector kinds that hit/no-hit compares (names alone are too common to be a hit). */
export const hitSelectorKinds = ['phone', 'iban', 'account', 'email', 'plate', 'document'] as const;
export const HitSelectorKind = z.enum(hitSelectorKinds);
export type HitSelectorKind = z.infer<typeof HitSelectorKind>;

export const AgreementId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'letters, digits, dot, dash and underscore, agreed with the partner');

export const ContactPoint = z.strictObject({
  name: z.string().trim().min(1).max(200),
  agency: z.string().trim().min(1).max(200),
  email: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(50).optional(),
});
export type ContactPoint = z.infer<typeof ContactPoint>;

export const AgreementInput = z.strictObject({
  id: AgreementId.describe("The same id on both sides: it separates this agreement's hashes from every other"),
  name: z.string().trim().min(1).max(200),
  partnerName: z.string().trim().min(1).max(200),
  partnerCountry: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code'),
  partnerPublicKey: z
    .string()
    .regex(
      /^[0-9a-f]{64}$/,
      "the partner's Ed25519 public key, 64 hex characters (elect agreement identity on their side)",
    ),
  partnerUrl: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('Base URL of the partner server; unset: files only'),
  selectorTypes: z.array(HitSelectorKind).min(1).max(hitSelectorKinds.length),
  rateLimit: z.strictObject({
    queries: z.number().int().min(1).max(10_000),
    periodHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 366),
  }),
  maxSelectorsPerQuery: z.number().int().min(1).max(200_000).default(20_000),
  contactPoints: z.array(ContactPoint).min(1).max(20),
  validUntil: z.iso.date().optional(),
});
export type AgreementInput = z.input<typeof AgreementInput>;
export type Agreement = z.output<typeof AgreementInput>;

export const AgreementOut = z.object({
  id: z.string(),
  name: z.string(),
  partnerName: z.string(),
  partnerCountry: z.string(),
  partnerDeploymentId: z.string(),
  partnerPublicKey: z.string(),
  partnerUrl: z.string().nullable(),
  selectorTypes: z.array(z.string()),
  rateLimit: z.object({ queries: z.number(), periodHours: z.number() }),
  maxSelectorsPerQuery: z.number(),
  contactPoints: z.array(ContactPoint),
  validUntil: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
});
export type AgreementOut = z.infer<typeof AgreementOut>;

export const IdentityOut = z.object({ deploymentId: z.string(), publicKey: z.string() });

/** What a hit notice tells: that a hit exists, on which of my own entities, and whom to contact. */
export const HitNoticeOut = z.object({
  id: z.string(),
  origin: z.enum(['case', 'partner']),
  /** Counts per selector kind of the shared selectors. */
  kinds: z.record(z.string(), z.number()),
  /** Entities of this (my own) case that hold a shared selector. */
  entityIds: z.array(z.string()),
  contact: z.object({
    name: z.string(),
    agency: z.string(),
    country: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  agreementId: z.string().nullable(),
  /** Whether this side asked (found it) or was found. */
  role: z.enum(['finder', 'found']),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
});
export type HitNoticeOut = z.infer<typeof HitNoticeOut>;

export const CheckResultOut = z.object({ checked: z.number(), notices: z.array(HitNoticeOut) });

export const RequestStatus = z.enum(['requested', 'accepted', 'declined']);
export const CooperationRequestOut = z.object({
  id: z.string(),
  caseId: z.string(),
  noticeId: z.string(),
  direction: z.enum(['outgoing', 'incoming']),
  status: RequestStatus,
  counterpart: z.object({ name: z.string(), agency: z.string(), country: z.string().nullable() }),
  message: z.string().nullable(),
  sharedEntities: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** With a partner that has no server address: the signed envelope to carry to it as a file. */
  exchangeFile: z.unknown().optional(),
});
export type CooperationRequestOut = z.infer<typeof CooperationRequestOut>;

export const CooperationRequestCreate = z.strictObject({
  noticeId: z.string().min(1).max(100),
  message: z.string().trim().max(1000).optional(),
});

export const CooperationDecision = z.strictObject({
  decision: z.enum(['accept', 'decline']),
  /** Entities of the case to share with the requester (accept only). */
  entityIds: z.array(z.string().min(1).max(100)).max(5000).optional(),
});

export const NotificationOut = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.string(),
  refId: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationOut = z.infer<typeof NotificationOut>;

export const PsiRunBody = z.strictObject({ agreementId: AgreementId });
