/**
 * Messaging handles: WhatsApp, Telegram, Viber and Signal, written as links (wa.me/…,
 * t.me/…, viber://chat?number=…, signal.me/#p/…) or as the app's name followed by a number or
 * @name. A number given for an app is also a phone number (extracted by `extractPhones`); here it
 * is recorded as the app's handle, in E.164 when it reads as one.
 */
import { normalisePhone } from '../selectors/phone.ts';

export const MESSAGING_APPS = ['whatsapp', 'telegram', 'viber', 'signal'] as const;
export type MessagingApp = (typeof MESSAGING_APPS)[number];

export interface FoundHandle {
  app: MessagingApp;
  /** "+3584…" for a number, "@name" for a user name. */
  handle: string;
  raw: string;
  start: number;
  end: number;
}

const LINKS: readonly [MessagingApp, RegExp][] = [
  ['whatsapp', /(?:https?:\/\/)?(?:wa\.me|api\.whatsapp\.com\/send\?phone=)\/?\+?(\d{7,15})/giu],
  ['telegram', /(?:https?:\/\/)?(?:t\.me|telegram\.me)\/([A-Za-z][A-Za-z0-9_]{3,31})/giu],
  ['viber', /viber:\/\/(?:chat|add)\?number=(?:%2B|\+)?(\d{7,15})/giu],
  ['signal', /(?:https?:\/\/)?signal\.me\/#p\/\+?(\d{7,15})/giu],
];

const APP_NAMES: Record<MessagingApp, string> = {
  whatsapp: 'whats\\s?app|wa|вотсап|ватсап|вацап',
  telegram: 'telegram|tg|телеграм|телеграмм|телега',
  viber: 'viber|вайбер|вибер',
  signal: 'signal|сигнал',
};

/** "Telegram: @nika_vip", "WhatsApp +358 40 123 4567", "tg @nika". */
const NAMED = (Object.keys(APP_NAMES) as MessagingApp[]).map(
  (app) =>
    [
      app,
      new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${APP_NAMES[app]})\\s*[:\\-–]?\\s*(@[A-Za-z][A-Za-z0-9_]{3,31}|\\+?[\\d][\\d\\s().-]{6,20}\\d)`,
        'giu',
      ),
    ] as const,
);

function asHandle(value: string, countries: readonly string[]): string | null {
  if (value.startsWith('@')) return value.toLowerCase();
  const digits = value.replace(/[^\d+]/g, '');
  if (digits.startsWith('+') || digits.startsWith('00')) {
    const r = normalisePhone(digits);
    return r.ok ? r.value : null;
  }
  for (const c of countries) {
    const r = normalisePhone(digits, c);
    if (r.ok) return r.value;
  }
  const r = normalisePhone(`+${digits}`);
  return r.ok ? r.value : null;
}

/** `countries`: where a number written without a country code is read (as for phones). */
export function extractHandles(text: string, countries: readonly string[] = []): FoundHandle[] {
  const out: FoundHandle[] = [];
  const seen = new Set<string>();
  const add = (app: MessagingApp, value: string, raw: string, start: number) => {
    const handle =
      app === 'telegram' && !value.startsWith('@') && !/^\+?\d/.test(value)
        ? `@${value.toLowerCase()}`
        : asHandle(value, countries);
    if (!handle) return;
    const key = `${app}:${handle}:${start}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ app, handle, raw, start, end: start + raw.length });
  };
  for (const [app, re] of LINKS) for (const m of text.matchAll(re)) add(app, m[1] ?? '', m[0], m.index);
  for (const [app, re] of NAMED) for (const m of text.matchAll(re)) add(app, (m[1] ?? '').trim(), m[0], m.index);
  return out.sort((a, b) => a.start - b.start);
}
