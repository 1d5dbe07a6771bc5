import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readChat, readWhatsApp } from './chat.ts';

interface Generated {
  sender: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  lines: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const word = fc.stringMatching(/^[A-Za-zÀ-žА-я][A-Za-zÀ-žА-я'-]{0,9}$/);
/** Message text: any characters but line breaks, where a continuation line never starts with a digit or "[". */
const textLine = fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n\u2028\u2029\u0085\v\f]/g, ' '));
const continuation = textLine.map((s) => s.replace(/^[\d[\u200e\u200f\uFEFF]+/, '').trimEnd() || 'and more');

const message: fc.Arbitrary<Generated> = fc.record({
  sender: fc
    .array(word, { minLength: 1, maxLength: 3 })
    .map((w) => w.join(' '))
    .filter(
      (s) =>
        !/\b(added|removed|left|changed|created|joined|security|encrypted|pinned|started|disappearing|admin)/i.test(s),
    ),
  year: fc.integer({ min: 2010, max: 2035 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  lines: fc
    .tuple(
      textLine.map((s) => s.replace(/^[\u200e\u200f]+/, '').trimEnd()),
      fc.array(continuation, { maxLength: 3 }),
    )
    .map(([first, more]) => [first, ...more]),
});

type Layout = { ios: boolean; dayFirst: boolean; twelveHour: boolean; fullYear: boolean };

function render(m: Generated, l: Layout): string {
  const [a, b] = l.dayFirst ? [m.day, m.month] : [m.month, m.day];
  const year = l.fullYear ? String(m.year) : pad(m.year % 100);
  const date = `${pad(a)}/${pad(b)}/${year}`;
  const time = l.twelveHour
    ? `${m.hour % 12 === 0 ? 12 : m.hour % 12}:${pad(m.minute)} ${m.hour < 12 ? 'AM' : 'PM'}`
    : `${pad(m.hour)}:${pad(m.minute)}`;
  const stamp = l.ios ? `[${date}, ${time}] ` : `${date}, ${time} - `;
  return `${stamp}${m.sender}: ${m.lines.join('\n')}`;
}

describe('WhatsApp reader properties', () => {
  it('any generated export, in any layout, reads back its messages, senders, times and text; system lines are not messages', () => {
    fc.assert(
      fc.property(
        fc.array(message, { minLength: 1, maxLength: 12 }),
        fc.record({ ios: fc.boolean(), dayFirst: fc.boolean(), twelveHour: fc.boolean(), fullYear: fc.boolean() }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (messages, layout, systemAt) => {
          // One day over 12 tells the order, as any export of more than twelve days does.
          const first = messages[0] as Generated;
          const all = [{ ...first, day: 13 + (first.day % 15) }, ...messages.slice(1)];
          const lines = all.map((m) => render(m, layout));
          const system = render({ ...first, sender: '', lines: [] }, layout).replace(/: $/, 'You were added');
          for (const at of systemAt) lines.splice(at % (lines.length + 1), 0, system);
          const [chat] = readChat(lines.join(layout.ios ? '\r\n' : '\n'), 'WhatsApp Chat with X.txt');
          expect(chat?.systemLines).toHaveLength(systemAt.length);
          expect(chat?.warnings).toEqual([]);
          expect(chat?.messages.map((m) => [m.sender, m.date, m.text])).toEqual(
            all.map((m) => [
              m.sender,
              `${m.year}-${pad(m.month)}-${pad(m.day)}T${pad(m.hour)}:${pad(m.minute)}`,
              m.lines.join('\n').replace(/\n+$/, ''),
            ]),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never fails other than as an import error naming a line, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          readWhatsApp(text, 'x.txt');
        } catch (e) {
          expect(e).toMatchObject({ code: 'import_failed', path: expect.stringMatching(/^line \d+$/) });
        }
      }),
    );
  });
});
