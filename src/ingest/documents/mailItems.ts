/**
 * E-mail as case entities (the `mail` import format): each message an FtM `Email` (FtM's e-mail
 * message; the address node is `EmailAddress`), a mailbox a `Folder` holding them, attachments
 * `Document`s under their message with the attachment kept as an evidence file, forwarded
 * messages `Email`s under the message that carries them. Senders and recipients are
 * `EmailAddress` nodes keyed by the address (merged into the case's own, then joined by
 * assembly), each linked to the message with its role.
 *
 * Ids derive from the file's SHA-256 and the message's place in it, so importing the same file
 * again changes nothing.
 */
import { createHash } from 'node:crypto';
import type { Properties } from '../../domain/schema/index.ts';
import { normaliseSelector } from '../../domain/selectors/index.ts';
import { errors } from '../../shared/errors.ts';
import { sha256Of } from '../files.ts';
import type { ImportInput, ImportItem, Importer } from '../types.ts';
import { formatAddress, readMessage, splitMailbox, topicOf, type MailAddress, type MailMessage } from './mail.ts';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the format takes no options yet
export interface MailOptions {}

export const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

/** The EmailAddress node of an address: one per address in every case, as phones are. */
export const emailAddressId = (address: string): string => `email-${sha1(address)}`;

const ROLES = { from: 'sender', sender: 'sent on behalf by', to: 'recipient', cc: 'copy', bcc: 'blind copy' } as const;

interface Context {
  fileSha: string;
  line: number;
  /** Message-ID → Email entity id of messages met earlier in the file (replies point at them). */
  byMessageId: Map<string, string>;
  addresses: Set<string>;
}

const put = (p: Properties, key: string, values: readonly (string | null | undefined)[]) => {
  const kept = values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (kept.length) p[key] = kept;
};

function* addressItems(
  ctx: Context,
  emailId: string,
  role: keyof typeof ROLES,
  list: MailAddress[],
  seen: Set<string>,
): Generator<ImportItem> {
  for (const a of list) {
    const checked = normaliseSelector('email', a.address);
    if (!checked.ok) continue;
    const nodeId = emailAddressId(checked.value);
    if (!ctx.addresses.has(nodeId)) {
      ctx.addresses.add(nodeId);
      const props: Properties = { address: [checked.value] };
      if (a.name) props['name'] = [a.name];
      yield {
        kind: 'entity',
        line: ctx.line,
        merge: true,
        record: { id: nodeId, schema: 'EmailAddress', properties: props },
      };
    }
    const linkId = `mail-link-${sha1(`${emailId}\u0000${role}\u0000${nodeId}`)}`;
    // An address written twice in one header is one link.
    if (seen.has(linkId)) continue;
    seen.add(linkId);
    yield {
      kind: 'entity',
      line: ctx.line,
      record: {
        id: linkId,
        schema: 'UnknownLink',
        properties: { subject: [emailId], object: [nodeId], role: [ROLES[role]] },
      },
    };
  }
}

/** Items of one message (and, recursively, the messages forwarded inside it). */
export function* messageItems(
  ctx: Context,
  m: MailMessage,
  path: string,
  parent: string | null,
): Generator<ImportItem> {
  const id = `mail-${sha1(`${ctx.fileSha}/${path}`)}`;
  const p: Properties = {};
  put(p, 'subject', [m.subject]);
  put(p, 'title', [m.subject]);
  put(p, 'threadTopic', [m.threadTopic ?? (m.subject ? topicOf(m.subject) : null)]);
  put(p, 'from', m.from.map(formatAddress));
  put(p, 'sender', (m.sender.length ? m.sender : m.from).map(formatAddress));
  put(p, 'to', m.to.map(formatAddress));
  put(p, 'cc', m.cc.map(formatAddress));
  put(p, 'bcc', m.bcc.map(formatAddress));
  put(p, 'date', [m.date]);
  put(p, 'messageId', [m.messageId]);
  put(p, 'inReplyTo', [m.inReplyTo]);
  put(p, 'bodyText', [m.bodyText.trim() ? m.bodyText : null]);
  put(p, 'mimeType', ['message/rfc822']);
  put(p, 'fileSize', [String(m.raw.length)]);
  put(p, 'contentHash', [m.sha256]);
  put(p, 'parent', [parent]);
  const earlier = m.inReplyTo ? ctx.byMessageId.get(m.inReplyTo) : undefined;
  put(p, 'inReplyToEmail', [earlier]);
  if (m.messageId && !ctx.byMessageId.has(m.messageId)) ctx.byMessageId.set(m.messageId, id);
  yield { kind: 'entity', line: ctx.line, record: { id, schema: 'Email', properties: p } };
  yield {
    kind: 'file',
    line: ctx.line,
    file: {
      fileName: `${m.subject ? safeName(m.subject) : 'message'}.eml`,
      mimeType: 'message/rfc822',
      content: m.raw,
      entityId: id,
    },
  };
  const links = new Set<string>();
  for (const role of ['from', 'sender', 'to', 'cc', 'bcc'] as const) yield* addressItems(ctx, id, role, m[role], links);
  for (const [i, a] of m.attachments.entries()) {
    const docId = `mail-att-${sha1(`${ctx.fileSha}/${path}/${i}`)}`;
    const props: Properties = {
      fileName: [a.fileName],
      mimeType: [a.mimeType],
      fileSize: [String(a.content.length)],
      contentHash: [createHash('sha256').update(a.content).digest('hex')],
      parent: [id],
    };
    // A part whose body could not be read (no empty line after its headers) is kept, and said.
    const warnings = a.content.length ? undefined : [`the attachment ${a.fileName} is empty or could not be read`];
    yield { kind: 'entity', line: ctx.line, record: { id: docId, schema: 'Document', properties: props }, warnings };
    yield {
      kind: 'file',
      line: ctx.line,
      file: { fileName: a.fileName, mimeType: a.mimeType, content: a.content, entityId: docId },
    };
  }
  for (const [i, f] of m.forwarded.entries()) yield* messageItems(ctx, f, `${path}/fwd${i}`, id);
}

/** A file name from a subject: no path separators or control characters, at most 80 characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g;
const safeName = (s: string) => s.replace(UNSAFE_IN_NAMES, ' ').trim().slice(0, 80) || 'message';

/**
 * The file itself is a `Folder` (the mailbox, or the one message's file) holding its messages, so
 * the viewer and the chart show what came from one seized file together.
 */
async function* parse(input: ImportInput): AsyncGenerator<ImportItem> {
  const fileSha = await sha256Of(input);
  const folderId = `mailbox-${sha1(fileSha)}`;
  const ctx: Context = { fileSha, line: 1, byMessageId: new Map(), addresses: new Set() };
  let count = 0;
  for await (const { line, raw } of splitMailbox(input.open())) {
    ctx.line = line;
    const m = await readMessage(raw, `line ${line}`);
    count++;
    yield* messageItems(ctx, m, String(count), folderId);
  }
  if (count === 0) throw errors.importFailed(`${input.fileName} holds no e-mail message`, 'line 1');
  const props: Properties = { name: [input.fileName], fileName: [input.fileName], contentHash: [fileSha] };
  yield { kind: 'entity', line: 1, record: { id: folderId, schema: 'Folder', properties: props } };
}

export const mailImporter: Importer<MailOptions> = {
  format: 'mail',
  label: 'E-mail (.eml, .mbox)',
  parse: (input) => parse(input),
};
