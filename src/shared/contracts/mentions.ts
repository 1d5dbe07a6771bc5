/**
 * Mentions in a seized message or document: what its text says that can join the case (phones,
 * e-mails, accounts, ID and registration numbers, amounts, dates, places, the case's persons and
 * companies), each with the words around it as evidence, the entities it could link the
 * document to, and the analyst's decision. An accepted mention is a Documentation link (role
 * `mention`) from the document to the entity.
 */
import { z } from 'zod';

export const MENTION_KIND_VALUES = [
  'email',
  'iban',
  'nationalId',
  'registration',
  'document',
  'account',
  'phone',
  'person',
  'company',
  'date',
  'amount',
  'place',
] as const;
export const MentionKind = z.enum(MENTION_KIND_VALUES);
export type MentionKind = z.infer<typeof MentionKind>;

/** The role written on the Documentation link an accepted mention becomes. */
export const MENTION_LINK_ROLE = 'mention';

export const MentionParams = z.object({
  caseId: z.string().min(1).max(200),
  entityId: z.string().min(1).max(200),
});

export const MentionCandidateOut = z.object({
  id: z.string(),
  schema: z.string(),
  /** As the caller may read it: a protected person by pseudonym. */
  caption: z.string(),
});
export type MentionCandidateOut = z.infer<typeof MentionCandidateOut>;

export const MentionOut = z.object({
  /** The mention's key in its document (`phone:0`): stable when the text is read again, saying nothing of the value. */
  key: z.string(),
  kind: MentionKind,
  /** Normalised (E.164, IBAN, the case's name); a protected person's by pseudonym. */
  value: z.string(),
  raw: z.string(),
  /** UTF-16 offsets in the document's text as the viewer shows it to a user with victim contact. */
  start: z.number().int(),
  end: z.number().int(),
  snippet: z.string(),
  /** Whether the value identifies its holder (phone, e-mail, IBAN, personal code, passport). */
  strong: z.boolean(),
  /** Entities of the case the mention could link the document to, the likeliest first. */
  candidates: z.array(MentionCandidateOut),
  decision: z.enum(['accepted', 'rejected']).nullable(),
  /** The entity an accepted mention links to, and the link. */
  entityId: z.string().nullable(),
  linkId: z.string().nullable(),
  /** True when a protected person's name or identifier was replaced. */
  redacted: z.boolean(),
});
export type MentionOut = z.infer<typeof MentionOut>;

export const MentionListOut = z.object({
  documentId: z.string(),
  mentions: z.array(MentionOut),
});
export type MentionListOut = z.infer<typeof MentionListOut>;

export const MentionDecisionIn = z.object({
  key: z.string().regex(/^[A-Za-z]+:\d{1,5}$/),
  decision: z.enum(['accepted', 'rejected']),
  /** The candidate to link to (default: the first); a strong identifier no entity holds yet gets its own node. */
  candidateId: z.string().min(1).max(200).optional(),
});
export type MentionDecisionIn = z.infer<typeof MentionDecisionIn>;
