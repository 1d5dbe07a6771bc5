/**
 * Chat exports as case entities (the `chat` import format): each chat a `Folder` named after it
 * holding its messages, each message an FtM `Message` (sender, date, body text, the message it
 * answers), each sender a `LegalEntity` of the chat, attachments named in the export
 * `Document`s under their message. A sender that is a phone number (WhatsApp names contacts not
 * in the address book by number) is also a `Phone` node, read by the one phone reader
 * (domain/extraction), linked to the sender, so the chat joins the case's phones.
 *
 * Ids derive from the file's SHA-256 and each message's place, so importing again changes nothing.
 */
import { createHash } from 'node:crypto';
import { extractPhones } from '../../domain/extraction/phones.ts';
import type { Properties } from '../../domain/schema/index.ts';
import { errors } from '../../shared/errors.ts';
import type { ImportInput, ImportItem, Importer } from '../types.ts';
import { readChat, type ChatExport } from './chat.ts';
import { sha1 } from './mailItems.ts';

export interface ChatOptions {
  /** Countries to read numbers written without a country code in, strongest first. */
  phoneCountries?: string[] | undefined;
}

/** Chat exports are read whole (WhatsApp text, Telegram JSON); a seized phone's are far smaller. */
export const MAX_CHAT_BYTES = 256 * 1024 * 1024;

/** The Phone node a sender's name is, when the name is one phone number and nothing else. */
export function senderPhone(sender: string, countries: readonly string[] = []): string | null {
  if (!/^[+\d][\d\s().\-\u202f\u00a0]{5,}$/.test(sender.trim())) return null;
  const found = extractPhones(sender, { countries });
  return found.length === 1 && found[0]?.e164 ? found[0].e164 : null;
}

const phoneId = (e164: string) => `phone-${sha1(e164)}`;

function* chatItems(chat: ChatExport, key: string, countries: readonly string[]): Generator<ImportItem> {
  const folderId = `chat-${sha1(key)}`;
  const app = chat.app === 'whatsapp' ? 'WhatsApp' : 'Telegram';
  const folder: Properties = { name: [chat.name], title: [chat.name], publisher: [app] };
  yield {
    kind: 'entity',
    line: 1,
    record: { id: folderId, schema: 'Folder', properties: folder },
    warnings: chat.warnings,
  };
  const [firstSystem] = chat.systemLines;
  if (firstSystem !== undefined) {
    const n = chat.systemLines.length;
    const lines = chat.systemLines.slice(0, 20).join(', ') + (n > 20 ? ', …' : '');
    const what = chat.app === 'whatsapp' ? 'system lines' : 'service messages';
    yield { kind: 'skipped', line: firstSystem, warnings: [`${n} ${app} ${what}, not messages (${lines})`] };
  }
  const parties = new Map<string, string>();
  const messageIds = new Map<string, string>();
  for (const m of chat.messages) {
    let party = parties.get(m.sender);
    if (!party) {
      party = `chat-party-${sha1(`${key}\u0000${m.sender}`)}`;
      parties.set(m.sender, party);
      yield {
        kind: 'entity',
        line: m.line,
        record: { id: party, schema: 'LegalEntity', properties: { name: [m.sender] } },
      };
      const e164 = senderPhone(m.sender, countries);
      if (e164) {
        const phone = phoneId(e164);
        yield {
          kind: 'entity',
          line: m.line,
          merge: true,
          record: { id: phone, schema: 'Phone', properties: { number: [e164] } },
        };
        yield {
          kind: 'entity',
          line: m.line,
          record: {
            id: `chat-link-${sha1(`${party}\u0000${phone}`)}`,
            schema: 'UnknownLink',
            properties: { subject: [party], object: [phone], role: [`${app} sender's number`] },
          },
        };
      }
    }
    const id = `chat-msg-${sha1(`${key}\u0000${m.id}`)}`;
    messageIds.set(m.id, id);
    const p: Properties = {
      sender: [party],
      date: [m.date],
      parent: [folderId],
      recordId: [m.id],
      threadTopic: [chat.name],
    };
    if (m.text.trim()) p['bodyText'] = [m.text];
    const answered = m.replyTo === undefined ? undefined : messageIds.get(m.replyTo);
    if (answered) p['inReplyToMessage'] = [answered];
    yield { kind: 'entity', line: m.line, record: { id, schema: 'Message', properties: p } };
    for (const [i, name] of m.attachments.entries()) {
      const props: Properties = { fileName: [name], parent: [id] };
      yield {
        kind: 'entity',
        line: m.line,
        record: { id: `chat-att-${sha1(`${key}\u0000${m.id}\u0000${i}`)}`, schema: 'Document', properties: props },
      };
    }
  }
}

async function* parse(input: ImportInput, options: ChatOptions): AsyncGenerator<ImportItem> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of input.open() as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > MAX_CHAT_BYTES)
      throw errors.importFailed(`A chat export over ${MAX_CHAT_BYTES} bytes is not read`, 'line 1');
    chunks.push(c);
  }
  const bytes = Buffer.concat(chunks);
  const fileSha = createHash('sha256').update(bytes).digest('hex');
  const chats = readChat(new TextDecoder('utf-8').decode(bytes), input.fileName);
  for (const [i, chat] of chats.entries()) {
    const key = `${fileSha}/${i}`;
    yield* chatItems(chat, key, options.phoneCountries ?? []);
    if (i === 0)
      yield {
        kind: 'file',
        line: 1,
        file: {
          fileName: input.fileName,
          mimeType: chat.app === 'telegram' ? 'application/json' : 'text/plain',
          content: bytes,
          entityId: `chat-${sha1(key)}`,
        },
      };
  }
}

export const chatImporter: Importer<ChatOptions> = {
  format: 'chat',
  label: 'Chat export (WhatsApp text, Telegram JSON)',
  parse,
};
