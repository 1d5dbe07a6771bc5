/**
 * Seized documents and conversations as the viewer shows them: a chat or an e-mail thread (its
 * messages in order, each with sender, time, text and attachments) and a document (its text,
 * its pages, its original). What a caller may not read arrives redacted or withheld, with why.
 */
import { z } from 'zod';

export const DocumentParams = z.object({
  caseId: z.string().min(1).max(200),
  entityId: z.string().min(1).max(200),
});

/** An evidence file the viewer offers for download, or why it does not. */
export const DocumentFileOut = z.object({
  /** Null when the file is withheld (`withheld` says why) or the export did not carry it. */
  fileId: z.string().nullable(),
  fileName: z.string(),
  mimeType: z.string().nullable(),
  size: z.number().nullable(),
  withheld: z.string().nullable(),
});
export type DocumentFileOut = z.infer<typeof DocumentFileOut>;

export const ConversationMessageOut = z.object({
  id: z.string(),
  schema: z.enum(['Email', 'Message']),
  /** The sender as the caller may read it: a protected person's name or number by pseudonym. */
  sender: z.string(),
  recipients: z.array(z.string()),
  /** ISO 8601, as the export gives it (chat exports without a zone: local time). */
  date: z.string().nullable(),
  subject: z.string().nullable(),
  text: z.string(),
  /** True when names or identifiers of a protected person were replaced in sender or text. */
  redacted: z.boolean(),
  /** The message it answers, when in this conversation. */
  inReplyTo: z.string().nullable(),
  attachments: z.array(DocumentFileOut),
  /** The message's own original (an e-mail's .eml), when kept. */
  original: DocumentFileOut.nullable(),
});
export type ConversationMessageOut = z.infer<typeof ConversationMessageOut>;

export const ConversationOut = z.object({
  /** The chat or mailbox (a Folder), or for an e-mail thread the mailbox holding it. */
  containerId: z.string().nullable(),
  title: z.string(),
  kind: z.enum(['chat', 'mail']),
  messages: z.array(ConversationMessageOut),
  /** The export file itself (a chat's text or JSON), when kept. */
  original: DocumentFileOut.nullable(),
});
export type ConversationOut = z.infer<typeof ConversationOut>;

export const DocumentPageOut = z.object({
  index: z.number(),
  text: z.string(),
  image: DocumentFileOut.nullable(),
});

export const DocumentOut = z.object({
  id: z.string(),
  schema: z.string(),
  title: z.string(),
  text: z.string(),
  redacted: z.boolean(),
  pages: z.array(DocumentPageOut),
  original: DocumentFileOut.nullable(),
  /** Set when the page images and the original are withheld from this caller, saying why. */
  withheldNote: z.string().nullable(),
});
export type DocumentOut = z.infer<typeof DocumentOut>;

/** The note shown where a file is withheld because the document names a protected person. */
export const WITHHELD_PROTECTED =
  'Withheld: the document names or identifies a protected person; only users with victim contact see it';

/** Types of seized document search tells apart. */
export const DOCUMENT_KINDS = ['mail', 'chat', 'pdf', 'office', 'image', 'text'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** `type=mail,chat` or `type=mail&type=chat`: either form reads as a list. */
const kindList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v),
  z.array(z.enum(DOCUMENT_KINDS)).max(DOCUMENT_KINDS.length),
);

export const DocumentSearchQuery = z
  .object({
    q: z.string().trim().max(500).default('').describe('Words to find in the documents; empty lists by date'),
    type: kindList.default([]),
    sender: z.string().trim().max(200).optional().describe('Part of the sender name or address'),
    recipient: z.string().trim().max(200).optional(),
    from: z.iso.date().optional().describe('First day (the message or document date)'),
    to: z.iso.date().optional().describe('Last day'),
    entity: z.string().min(1).max(200).optional().describe('Only documents linked to this entity'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((x) => !x.from || !x.to || x.from <= x.to, { message: 'the last day is before the first', path: ['to'] });
export type DocumentSearchQuery = z.input<typeof DocumentSearchQuery>;

/** A piece of a snippet: `hit` pieces are the words searched for. */
export const SnippetPart = z.object({ text: z.string(), hit: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const DocumentHitOut = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  schema: z.string(),
  /** What the viewer opens: `conversation` for messages, `document` for the rest. */
  opens: z.enum(['conversation', 'document']),
  /** The entity the viewer opens (a page's document). */
  openId: z.string(),
  title: z.string(),
  sender: z.string().nullable(),
  recipients: z.array(z.string()),
  date: z.string().nullable(),
  /** Text around the words found, with protected persons' names and identifiers by pseudonym. */
  snippet: z.array(SnippetPart),
  redacted: z.boolean(),
  /** Near-duplicate group (the same text with small changes), when the document has one. */
  group: z.string().nullable(),
});
export type DocumentHitOut = z.infer<typeof DocumentHitOut>;

export const DocumentSearchOut = z.object({
  results: z.array(DocumentHitOut),
  /** Near-duplicates among the results: each group's ids, the best-ranked first. */
  groups: z.array(z.object({ id: z.string(), members: z.array(z.string()) })),
});
export type DocumentSearchOut = z.infer<typeof DocumentSearchOut>;

export const IndicatorMarksQuery = z.object({
  /** The person assessed: messages linked to them come first. */
  person: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

/** A message whose words may show an indicator: candidate evidence the analyst may attach. */
export const IndicatorMarkOut = z.object({
  entityId: z.string(),
  schema: z.string(),
  ruleId: z.string(),
  category: z.enum(['recruitment', 'debt', 'documents', 'control']),
  /** ILO forced-labour indicator code (`debtBondage`…). */
  indicator: z.string(),
  /** Catalogue items the mark may be evidence for (the Delphi item and the ILO indicator). */
  items: z.array(z.string()),
  language: z.string(),
  phrase: z.string(),
  snippet: z.string(),
  sender: z.string().nullable(),
  date: z.string().nullable(),
  /** The message is linked to the person asked about. */
  linked: z.boolean(),
});
export type IndicatorMarkOut = z.infer<typeof IndicatorMarkOut>;

export const IndicatorMarksOut = z.object({ marks: z.array(IndicatorMarkOut) });
export type IndicatorMarksOut = z.infer<typeof IndicatorMarksOut>;
