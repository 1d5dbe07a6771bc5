/**
 * FtM documents: Document and the three document kinds Message descends from (Folder, PlainText,
 * HyperText), plus Message itself (chat messages, texts).
 *
 * Source: alephdata/followthemoney `followthemoney/schema/Document.yaml` (which also defines
 * Folder, PlainText and HyperText) and `followthemoney/schema/Message.yaml`. Other Document
 * kinds (Pages, Image, Email messages…) are not modelled yet.
 */
import type { SchemaDef } from './types.ts';
import { date, ident, lang, num, prop, ref, str, text } from './define.ts';

/** followthemoney/schema/Document.yaml — FtM labels it "File". */
export const Document: SchemaDef = {
  name: 'Document',
  label: 'File',
  plural: 'Files',
  extends: ['Thing', 'Analyzable'],
  matchable: false,
  caption: ['title', 'fileName', 'name'],
  properties: {
    contentHash: prop('checksum', 'Checksum'),
    title: str('Title'),
    author: str('Author'),
    generator: str('Generator'),
    crawler: str('Crawler'),
    fileSize: num('File size'),
    fileName: str('File name'),
    extension: str('File extension'),
    encoding: str('File encoding'),
    messageId: ident('Message ID'),
    mimeType: prop('mimetype', 'MIME type'),
    language: lang('Language'),
    date: date('Date'),
    authoredAt: date('Authored on'),
    publishedAt: date('Published on'),
    parent: ref('Folder', 'Folder'),
    ancestors: ref('Folder', 'Ancestors'),
    processingStatus: str('Processing status'),
    processingError: text('Processing error'),
  },
};

/** Defined in followthemoney/schema/Document.yaml. */
export const Folder: SchemaDef = {
  name: 'Folder',
  label: 'Folder',
  plural: 'Folders',
  extends: ['Document'],
  matchable: false,
  caption: ['fileName', 'title'],
  properties: {},
};

/** Defined in followthemoney/schema/Document.yaml. */
export const PlainText: SchemaDef = {
  name: 'PlainText',
  label: 'Text file',
  plural: 'Text files',
  extends: ['Document'],
  matchable: false,
  caption: ['fileName', 'title'],
  properties: {
    bodyText: text('Text'),
  },
};

/** Defined in followthemoney/schema/Document.yaml. */
export const HyperText: SchemaDef = {
  name: 'HyperText',
  label: 'Web page',
  plural: 'Web pages',
  extends: ['Document'],
  matchable: false,
  caption: ['title', 'fileName'],
  properties: {
    bodyText: text('Text'),
    bodyHtml: prop('html', 'HTML'),
  },
};

/** followthemoney/schema/Message.yaml — a chat message, text message or post. */
export const Message: SchemaDef = {
  name: 'Message',
  label: 'Message',
  plural: 'Messages',
  extends: ['Interval', 'Folder', 'PlainText', 'HyperText'],
  matchable: false,
  caption: ['subject', 'title', 'threadTopic', 'fileName', 'bodyText'],
  required: ['bodyText', 'sender'],
  properties: {
    subject: str('Subject'),
    threadTopic: str('Thread topic'),
    sender: ref('LegalEntity', 'Sender'),
    senderAccount: ref('UserAccount', 'Sender Account'),
    recipients: ref('LegalEntity', 'Recipients'),
    recipientAccount: ref('UserAccount', 'Recipient Account'),
    inReplyTo: str('In Reply To'),
    inReplyToMessage: ref('Message', 'Responding to'),
    metadata: prop('json', 'Metadata'),
  },
};

export const documentSchemata: readonly SchemaDef[] = [Document, Folder, PlainText, HyperText, Message];
