/**
 * Reading e-mail: a single message (.eml) or a mailbox (.mbox), through the maintained MIME
 * parser `mailparser`, which decodes RFC 2047/2231 headers and names, charsets and transfer
 * encodings. Forwarded messages (message/rfc822 parts) are read as messages in their own right,
 * recursively up to a depth. Pure reading: no ids, no entities (mailItems.ts maps them).
 *
 * Mailboxes are split on `From ` separator lines that open the file or follow an empty line (the
 * mbox family, RFC 4155); lines escaped as `>From ` (mboxrd) lose one `>`. The split streams, so a
 * large mailbox is never held whole.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { htmlToText } from '../../domain/extraction/html.ts';
import { errors } from '../../shared/errors.ts';

export interface MailAddress {
  /** Lower-cased as written; empty for a group or an undisclosed list. */
  address: string;
  name: string;
}

export interface MailAttachment {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

export interface MailMessage {
  subject: string | null;
  from: MailAddress[];
  /** The Sender header (who sent it on the author's behalf), when given. */
  sender: MailAddress[];
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  /** ISO 8601 in UTC; null when the message has no readable Date header. */
  date: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  threadTopic: string | null;
  bodyText: string;
  attachments: MailAttachment[];
  /** Messages forwarded inside this one as message/rfc822 parts, read recursively. */
  forwarded: MailMessage[];
  /** The raw message bytes, as kept in evidence. */
  raw: Buffer;
  sha256: string;
}

/** Forwarded messages are read this deep; deeper ones stay attachments. */
export const MAX_FORWARD_DEPTH = 8;

const addressesOf = (field: AddressObject | AddressObject[] | undefined): MailAddress[] => {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const out: MailAddress[] = [];
  const walk = (list: { address?: string | undefined; name: string; group?: unknown[] | undefined }[]) => {
    for (const a of list) {
      if (Array.isArray(a.group)) walk(a.group as typeof list);
      else if (a.address || a.name) out.push({ address: (a.address ?? '').trim().toLowerCase(), name: a.name.trim() });
    }
  };
  for (const o of objects) walk(o.value);
  return out;
};

const headerText = (m: ParsedMail, name: string): string | null => {
  const v = m.headers.get(name);
  if (typeof v === 'string') return v.trim() || null;
  return null;
};

const referencesOf = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : (Array.isArray(v) ? v : v.split(/\s+/)).map((s) => s.trim()).filter(Boolean);

const isMessagePart = (mimeType: string) => mimeType.toLowerCase() === 'message/rfc822';

/** Reads one raw message. Throws `import_failed` naming `where` when the bytes are not a message. */
export async function readMessage(raw: Buffer, where: string, depth = 0): Promise<MailMessage> {
  let m: ParsedMail;
  try {
    m = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
  } catch (e) {
    throw errors.importFailed(`Not a readable e-mail message: ${(e as Error).message}`, where);
  }
  const attachments: MailAttachment[] = [];
  const forwarded: MailMessage[] = [];
  for (const [i, a] of m.attachments.entries()) {
    if (isMessagePart(a.contentType) && depth < MAX_FORWARD_DEPTH) {
      forwarded.push(await readMessage(a.content, `${where}, forwarded message ${i + 1}`, depth + 1));
      continue;
    }
    attachments.push({
      fileName: a.filename ?? `attachment-${i + 1}`,
      mimeType: a.contentType || 'application/octet-stream',
      content: a.content,
    });
  }
  const html = typeof m.html === 'string' ? m.html : '';
  const bodyText = m.text?.trim() ? m.text : html ? htmlToText(html).text : '';
  return {
    subject: m.subject?.trim() ? m.subject : null,
    from: addressesOf(m.from),
    sender: addressesOf(m.headers.get('sender') as AddressObject | undefined),
    replyTo: addressesOf(m.replyTo),
    to: addressesOf(m.to),
    cc: addressesOf(m.cc),
    bcc: addressesOf(m.bcc),
    date: m.date && !Number.isNaN(m.date.getTime()) ? m.date.toISOString().replace('.000Z', 'Z') : null,
    messageId: m.messageId ?? null,
    inReplyTo: m.inReplyTo?.trim() ? m.inReplyTo.trim() : null,
    references: referencesOf(m.references),
    threadTopic: headerText(m, 'thread-topic'),
    bodyText,
    attachments,
    forwarded,
    raw,
    sha256: createHash('sha256').update(raw).digest('hex'),
  };
}

/** One message of a mailbox and the 1-based line its separator (or its first header) is on. */
export interface RawMessage {
  line: number;
  raw: Buffer;
}

const FROM_ = Buffer.from('From ');
const ESCAPED_FROM = /^>+From /;

/**
 * Splits a mailbox (or a single message, which may itself start with a `From ` line) into raw
 * messages. A file that does not start with `From ` is one message.
 */
export async function* splitMailbox(stream: Readable): AsyncGenerator<RawMessage> {
  let carry: Buffer = Buffer.alloc(0);
  let lineNo = 0;
  let mailbox: boolean | undefined;
  let lines: Buffer[] = [];
  let start = 1;
  let previousBlank = true;
  const take = (): RawMessage | null => {
    // The empty line before a separator belongs to the mailbox, not to the message.
    while (lines.length && isBlank(lines[lines.length - 1])) lines.pop();
    const raw = Buffer.concat(lines);
    lines = [];
    return raw.length ? { line: start, raw } : null;
  };
  const onLine = (line: Buffer): RawMessage | null => {
    lineNo++;
    if (mailbox === undefined) mailbox = startsWith(line, FROM_);
    let out: RawMessage | null = null;
    if (mailbox && previousBlank && startsWith(line, FROM_)) {
      out = take();
      start = lineNo;
    } else {
      if (mailbox && line[0] === 0x3e && ESCAPED_FROM.test(line.subarray(0, 64).toString('latin1')))
        line = line.subarray(1);
      lines.push(line);
    }
    previousBlank = isBlank(line);
    return out;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let at = 0;
    for (let nl = buf.indexOf(0x0a, at); nl !== -1; nl = buf.indexOf(0x0a, at)) {
      const done = onLine(buf.subarray(at, nl + 1));
      if (done) yield done;
      at = nl + 1;
    }
    buf = buf.subarray(at);
    carry = Buffer.from(buf);
  }
  if (carry.length) {
    const done = onLine(carry);
    if (done) yield done;
  }
  const last = take();
  if (last) yield last;
}

function startsWith(line: Buffer, prefix: Buffer): boolean {
  return line.length >= prefix.length && line.subarray(0, prefix.length).equals(prefix);
}

function isBlank(line: Buffer | undefined): boolean {
  if (!line) return false;
  for (const b of line) if (b !== 0x0a && b !== 0x0d) return false;
  return true;
}

/** "Name <address>" as FtM's from/to strings hold them. */
export const formatAddress = (a: MailAddress): string =>
  a.name && a.address ? `${a.name} <${a.address}>` : a.address || a.name;

/** The subject without reply and forward prefixes (Re:, Fwd:, AW:, VS:, …): the thread's topic. */
export function topicOf(subject: string): string {
  return subject.replace(/^\s*((re|fwd?|aw|wg|vs|sv|vl|ynt|odp|res|tr)\s*(\[\d+\])?\s*:\s*)+/i, '').trim();
}
