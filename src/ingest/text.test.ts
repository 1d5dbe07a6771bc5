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

describe('lines read a chunk at a time', () => {
  /** The lines one byte-level reading per line gives: split at LF, one CR and one BOM dropped per line. */
  const perLine = (bytes: Buffer): string[] => {
    const out: string[] = [];
    let start = 0;
    for (let nl = bytes.indexOf(10); nl !== -1; start = nl + 1, nl = bytes.indexOf(10, start)) {
      let b = bytes.subarray(start, nl > start && bytes[nl - 1] === 13 ? nl - 1 : nl);
      if (start === 0 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
      out.push(new TextDecoder('utf-8', { fatal: true }).decode(b));
    }
    if (start < bytes.length) out.push(new TextDecoder().decode(bytes.subarray(start)));
    return out;
  };
  const chunked = async (bytes: Buffer, size: number, controls?: ControlChars) => {
    const pieces: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
    const out: { line: number; text: string }[] = [];
    for await (const l of readLines(Readable.from(pieces), 'utf-8', controls)) out.push(l);
    return out;
  };

  it('are the lines one read per line gives, whatever the chunks: CRLF, a BOM mid-file, letters split', async () => {
    const bytes = Buffer.from('\uFEFF\uFEFFhead;er\r\nŠķēle;Rīga\n\n\uFEFFsecond;export\r\r\nlast', 'utf8');
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const got = await chunked(bytes, size);
      expect(
        got.map((l) => l.text),
        `chunks of ${size}`,
      ).toEqual(perLine(bytes));
      expect(got.map((l) => l.line)).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('name the line of bad UTF-8 in a later chunk, and count control characters on their own line', async () => {
    const bad = Buffer.concat([Buffer.from('a\nb\nc'), Buffer.from([0xc3, 0x28]), Buffer.from('\nd\n')]);
    await expect(chunked(bad, 4)).rejects.toThrow(/Line 3 is not valid UTF-8/);
    const controls = new ControlChars();
    const got = await chunked(Buffer.from('one\ntw\u0001o\nthree\n'), 64, controls);
    expect(got.map((l) => l.text)).toEqual(['one', 'two', 'three']);
    expect(controls.warning()?.line).toBe(2);
  });
});
