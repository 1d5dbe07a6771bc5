/**
 * Reading chat exports: WhatsApp's text export ("Export chat", Android and iOS layouts) and
 * Telegram Desktop's JSON export (result.json, one chat or the whole account). Pure reading: the
 * messages with sender, local or UTC time, text and attachment names; system lines (encryption
 * notices, "X added Y", service messages) are counted, never messages. chatItems.ts maps them.
 *
 * WhatsApp layouts, as the app writes them in its locales (dates day or month first, 2- or
 * 4-digit years, 24-hour or 12-hour clocks with "AM", "a. m." or "p.m."):
 *   Android  `30/01/2019, 20:49 - Name: text`    `01/30/2019, 08:49 p. m. - Name: text`
 *   iOS      `[30/01/2019, 20:49:05] Name: text` `[01/30/19 20:49] Name: text`
 * A line that does not start with a timestamp continues the message before it. WhatsApp writes
 * times without a zone (the phone's local time), so they are kept local, without a zone.
 */
import { errors } from '../../shared/errors.ts';

export interface ChatMessage {
  /** 1-based line of the message's first line (WhatsApp) or its place in the chat (Telegram). */
  line: number;
  /** The message's own id in the export (Telegram), else its ordinal in the chat. */
  id: string;
  sender: string;
  /** ISO 8601: `YYYY-MM-DDTHH:MM[:SS]` local (WhatsApp) or UTC with `Z` (Telegram's unixtime). */
  date: string;
  text: string;
  /** File names of media sent with the message, as the export names them. */
  attachments: string[];
  /** The id of the message this one answers (Telegram), when given. */
  replyTo?: string | undefined;
}

export interface ChatExport {
  app: 'whatsapp' | 'telegram';
  /** The chat's name: Telegram's `name`; WhatsApp's from the file name ("WhatsApp Chat with X.txt"). */
  name: string;
  messages: ChatMessage[];
  /** System lines and service messages read and left out, with their lines. */
  systemLines: number[];
  /** What a person should know about how the file was read (an ambiguous date order). */
  warnings: string[];
}

const SPACE = '[ \\u202f\\u00a0]';
/** A WhatsApp line's timestamp and what follows it. Groups: date a, sep, b, c, hour, minute, second, am/pm, rest. */
const WHATSAPP_LINE = new RegExp(
  `^[\\u200e\\u200f]?\\[?(\\d{1,4})([./-])(\\d{1,2})\\2(\\d{1,4}),?${SPACE}+(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?` +
    `(?:${SPACE}*([aApP])\\.?${SPACE}?[mM]\\.?)?(?:\\]|${SPACE}+-)${SPACE}?(.*)$`,
);

/**
 * System lines WhatsApp writes into exports (English): they have no sender, or name the chat
 * as sender with a left-to-right mark before the text. Source: exports of WhatsApp 2.2x for
 * Android and iOS as documented by chat-miner (joweich/chat-miner, test/whatsapp) and
 * WhatsApp's help centre wording of the encryption notice.
 */
const SYSTEM_TEXT =
  /\b(end-to-end encrypted|created group|created this group|added|removed|left$|joined using|changed the subject|changed this group's|changed the group|deleted this group's|changed their phone number|changed to|security code|were added|was added|now an admin|disappearing messages|pinned a message|started a call)/i;
const ATTACHED_IOS = /^[\u200e]?<attached: ([^>]+)>$/;
const ATTACHED_ANDROID = /^[\u200e]?(.+?) \(file attached\)$/;

interface Stamp {
  a: number;
  b: number;
  c: number;
  hour: number;
  minute: number;
  second: number | null;
  meridiem: string | null;
  aText: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Day/month/year order of a file's stamps: a 4-digit first field is year-first; else any field over 12 decides. */
function dateOrder(stamps: Stamp[]): { order: 'ymd' | 'dmy' | 'mdy'; ambiguous: boolean } {
  if (stamps.some((s) => s.aText.length === 4)) return { order: 'ymd', ambiguous: false };
  if (stamps.some((s) => s.a > 12)) return { order: 'dmy', ambiguous: false };
  if (stamps.some((s) => s.b > 12)) return { order: 'mdy', ambiguous: false };
  return { order: 'dmy', ambiguous: true };
}

function isoOf(s: Stamp, order: 'ymd' | 'dmy' | 'mdy', line: number): string {
  const [y, m, d] = order === 'ymd' ? [s.a, s.b, s.c] : order === 'dmy' ? [s.c, s.b, s.a] : [s.c, s.a, s.b];
  const year = y < 100 ? 2000 + y : y;
  let hour = s.hour;
  if (s.meridiem) {
    if (hour > 12) throw errors.importFailed(`"${hour}" is not an hour of a 12-hour clock`, `line ${line}`);
    hour = (hour % 12) + (s.meridiem === 'p' ? 12 : 0);
  }
  const date = new Date(Date.UTC(year, m - 1, d, hour, s.minute));
  if (m < 1 || m > 12 || date.getUTCDate() !== d || hour > 23 || s.minute > 59)
    throw errors.importFailed(`The timestamp is not a date and time`, `line ${line}`);
  return `${year}-${pad(m)}-${pad(d)}T${pad(hour)}:${pad(s.minute)}${s.second === null ? '' : `:${pad(s.second)}`}`;
}

/** "WhatsApp Chat with Anna.txt" → "Anna"; other names without their ending. */
export function chatNameOf(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '');
  return /^WhatsApp Chat (?:with|-) (.+)$/i.exec(base)?.[1]?.trim() ?? base;
}

/** Reads a WhatsApp text export. Throws `import_failed` when its first line is no timestamped line. */
export function readWhatsApp(text: string, fileName: string): ChatExport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  interface Pending {
    line: number;
    stamp: Stamp;
    rest: string;
    more: string[];
  }
  const entries: Pending[] = [];
  for (const [i, raw] of lines.entries()) {
    const m = WHATSAPP_LINE.exec(raw);
    if (m) {
      const [, a, , b, c, hour, minute, second, meridiem, rest] = m;
      entries.push({
        line: i + 1,
        stamp: {
          a: Number(a),
          b: Number(b),
          c: Number(c),
          hour: Number(hour),
          minute: Number(minute),
          second: second === undefined ? null : Number(second),
          meridiem: meridiem ? meridiem.toLowerCase() : null,
          aText: a ?? '',
        },
        rest: rest ?? '',
        more: [],
      });
    } else if (entries.length) entries[entries.length - 1]?.more.push(raw);
    else if (raw.trim())
      throw errors.importFailed(`Not a WhatsApp chat export: the line starts with no date and time`, `line ${i + 1}`);
  }
  if (!entries.length) throw errors.importFailed('The chat export holds no message', 'line 1');
  const { order, ambiguous } = dateOrder(entries.map((e) => e.stamp));
  const out: ChatExport = {
    app: 'whatsapp',
    name: chatNameOf(fileName),
    messages: [],
    systemLines: [],
    warnings: ambiguous ? ['no day in the file is over 12: dates were read day first (DD/MM)'] : [],
  };
  for (const e of entries) {
    const date = isoOf(e.stamp, order, e.line);
    const rest = e.rest.replace(/^[\u200e\u200f]+/, '');
    const colon = rest.indexOf(':');
    const sender = colon === -1 ? '' : rest.slice(0, colon).trim();
    const first = colon === -1 ? '' : rest.slice(colon + 1).replace(/^ /, '');
    const system =
      colon === -1 || !sender || SYSTEM_TEXT.test(sender) || (first.startsWith('\u200e') && SYSTEM_TEXT.test(first));
    if (system) {
      out.systemLines.push(e.line);
      continue;
    }
    const attachments: string[] = [];
    const body = [first, ...e.more];
    const attached = ATTACHED_IOS.exec(first) ?? ATTACHED_ANDROID.exec(first);
    if (attached?.[1]) {
      attachments.push(attached[1].trim());
      body.shift();
    }
    out.messages.push({
      line: e.line,
      id: String(out.messages.length + 1),
      sender,
      date,
      // Empty lines before the next timestamp belong to no message.
      text: body
        .join('\n')
        .replace(/^\u200e/, '')
        .replace(/\n+$/, ''),
      attachments,
    });
  }
  return out;
}

type TelegramText = string | { text?: unknown };
interface TelegramMessage {
  id?: unknown;
  type?: unknown;
  date?: unknown;
  date_unixtime?: unknown;
  from?: unknown;
  from_id?: unknown;
  actor?: unknown;
  text?: unknown;
  reply_to_message_id?: unknown;
  photo?: unknown;
  file?: unknown;
}
interface TelegramChat {
  id?: unknown;
  name?: unknown;
  messages?: unknown;
}

const textOf = (t: unknown): string =>
  typeof t === 'string'
    ? t
    : Array.isArray(t)
      ? (t as TelegramText[])
          .map((p) => (typeof p === 'string' ? p : typeof p.text === 'string' ? p.text : ''))
          .join('')
      : '';

const strOf = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null;

function telegramDate(m: TelegramMessage, at: string): string {
  const unix = strOf(m.date_unixtime);
  if (unix && /^\d+$/.test(unix)) return new Date(Number(unix) * 1000).toISOString().replace('.000Z', 'Z');
  const local = strOf(m.date);
  if (local && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return local;
  throw errors.importFailed('The message has no date (date_unixtime or date)', at);
}

function readTelegramChat(chat: TelegramChat, where: string, fallbackName: string): ChatExport {
  if (!Array.isArray(chat.messages)) throw errors.importFailed('The chat has no "messages" list', where);
  const out: ChatExport = {
    app: 'telegram',
    name: strOf(chat.name) ?? (strOf(chat.id) ? `Telegram chat ${strOf(chat.id) ?? ''}` : fallbackName),
    messages: [],
    systemLines: [],
    warnings: [],
  };
  for (const [i, raw] of (chat.messages as unknown[]).entries()) {
    const at = `${where}.messages[${i}]`;
    if (typeof raw !== 'object' || raw === null) throw errors.importFailed('A message is not an object', at);
    const m = raw as TelegramMessage;
    if (m.type !== 'message') {
      out.systemLines.push(i + 1);
      continue;
    }
    const attachments = [m.photo, m.file].map(strOf).filter((f): f is string => f !== null);
    out.messages.push({
      line: i + 1,
      id: strOf(m.id) ?? String(i + 1),
      sender: strOf(m.from) ?? strOf(m.from_id) ?? 'unknown sender',
      date: telegramDate(m, at),
      text: textOf(m.text),
      attachments,
      replyTo: strOf(m.reply_to_message_id) ?? undefined,
    });
  }
  return out;
}

/** Reads a Telegram Desktop JSON export: one chat (`messages`) or a whole account (`chats.list`). */
export function readTelegram(text: string, fileName = 'Telegram chat'): ChatExport[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw errors.importFailed(`Not a Telegram JSON export: ${(e as Error).message}`, 'line 1');
  }
  if (typeof doc !== 'object' || doc === null) throw errors.importFailed('Not a Telegram JSON export', 'line 1');
  const d = doc as { messages?: unknown; chats?: { list?: unknown } };
  if (Array.isArray(d.messages)) return [readTelegramChat(d as TelegramChat, 'messages', chatNameOf(fileName))];
  if (Array.isArray(d.chats?.list))
    return (d.chats.list as unknown[]).map((c, i) =>
      readTelegramChat((c ?? {}) as TelegramChat, `chats.list[${i}]`, `Telegram chat ${i + 1}`),
    );
  throw errors.importFailed('Not a Telegram JSON export: no "messages" or "chats.list"', 'line 1');
}

/** Reads either export, told apart by their bytes: Telegram's is a JSON object. */
export function readChat(text: string, fileName: string): ChatExport[] {
  return /^\uFEFF?\s*\{/.test(text) ? readTelegram(text, fileName) : [readWhatsApp(text, fileName)];
}
