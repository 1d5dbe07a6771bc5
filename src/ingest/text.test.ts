import { Readable } from 'node:stream';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { TextEncodingOption, textEncodings } from '../shared/textEncodings.ts';
import { ControlChars, isLineEncoding, readLines } from './text.ts';

const lines = async (bytes: Buffer, encoding = 'utf-8', controls?: ControlChars) => {
  const out: string[] = [];
  for await (const l of readLines(Readable.from([bytes]), encoding, controls)) out.push(l.text);
  return out;
};

describe('the shared text encodings', () => {
  it('are all UTF-8 or single-byte, so lines can be split at a byte', () => {
    for (const e of textEncodings) expect(isLineEncoding(e), e).toBe(true);
  });

  it('forgive case and common spellings, and refuse the rest listing them', () => {
    expect(TextEncodingOption.parse('ISO-8859-2')).toBe('iso-8859-2');
    expect(TextEncodingOption.parse('latin2')).toBe('iso-8859-2');
    expect(TextEncodingOption.parse('UTF8')).toBe('utf-8');
    expect(TextEncodingOption.parse('cp1257')).toBe('windows-1257');
    const r = TextEncodingOption.safeParse('shift_jis');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/^one of utf-8, windows-1250, .*iso-8859-2/);
  });

  it('each reads back its own letters', async () => {
    const polish = iconv.encode('ŚWINOUJŚCIE; URZĄD\n', 'iso-8859-2');
    expect(await lines(polish, 'iso-8859-2')).toEqual(['ŚWINOUJŚCIE; URZĄD']);
    const baltic = iconv.encode('Jānis Bērziņš\n', 'windows-1257');
    expect(await lines(baltic, 'windows-1257')).toEqual(['Jānis Bērziņš']);
  });
});

describe('control characters', () => {
  it('are stripped (all C0 but tab, CR and LF, and DEL) and counted once, from their first line', async () => {
    const controls = new ControlChars();
    const text = Buffer.from('\u0001:20:A\tB\r\nplain\nx\u0000\u0000y\u007f\u000c\n-\u0003');
    expect(await lines(text, 'utf-8', controls)).toEqual([':20:A\tB', 'plain', 'xy', '-']);
    expect(controls.warning()).toEqual({
      line: 1,
      message:
        '6 control character(s) removed (2 × NUL (0x00), 1 × SOH (0x01), 1 × ETX (0x03), 1 × FF (0x0C), 1 × DEL (0x7F)),' +
        ' the first on this line: framing or padding, not text',
    });
  });

  it('are kept when no one counts them, and nothing is reported when there are none', async () => {
    expect(await lines(Buffer.from('a\u0001b\n'))).toEqual(['a\u0001b']);
    const controls = new ControlChars();
    expect(await lines(Buffer.from('a\tb\r\n'), 'utf-8', controls)).toEqual(['a\tb']);
    expect(controls.warning()).toBeNull();
  });

  it('leave every other character as it was', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const controls = new ControlChars();
        const out = controls.strip(s, 1);
        // eslint-disable-next-line no-control-regex
        expect(out).toBe(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''));
        expect(controls.warning() === null).toBe(out === s);
      }),
    );
  });
});
