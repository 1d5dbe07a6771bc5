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
