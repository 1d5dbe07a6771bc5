import { describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../shared/errors.ts';
import { XmlTokenizer, type XmlHandler } from './xml.ts';

type Event = [string, string, number];

/** Tokenizes `xml` fed in chunks of `chunk` bytes; returns the events (texts merged per element). */
function events(xml: string | Buffer, chunk = 0): Event[] {
  const out: Event[] = [];
  const handler: XmlHandler = {
    open: (name, attrs, line) =>
      out.push(['open', Object.keys(attrs).length ? `${name} ${JSON.stringify(attrs)}` : name, line]),
    close: (name, line) => out.push(['close', name, line]),
    text: (text, line) => {
      const last = out[out.length - 1];
      if (last?.[0] === 'text') last[1] += text;
      else out.push(['text', text, line]);
    },
  };
  const t = new XmlTokenizer(handler);
  const bytes = typeof xml === 'string' ? Buffer.from(xml) : xml;
  const size = chunk || bytes.length || 1;
  for (let i = 0; i < bytes.length; i += size) t.write(bytes.subarray(i, i + size));
  t.end();
  return out;
}

function failure(xml: string | Buffer, chunk = 0): AppError {
  try {
    events(xml, chunk);
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

const DOC = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment
spanning lines -->
<a:Doc xmlns:a="urn:x" note='it&apos;s "quoted" &gt; &amp;'>
  <Nm>Jānis &amp; Co &#x41;&#66;</Nm>
  <Empty/>
  <Data><![CDATA[<not a tag> & raw]]></Data>
</a:Doc>
`;

describe('XML tokenizer', () => {
  const expected: Event[] = [
    ['open', 'a:Doc {"xmlns:a":"urn:x","note":"it\'s \\"quoted\\" > &"}', 4],
    ['open', 'Nm', 5],
    ['text', 'Jānis & Co AB', 5],
    ['close', 'Nm', 5],
    ['open', 'Empty', 6],
    ['close', 'Empty', 6],
    ['open', 'Data', 7],
    ['text', '<not a tag> & raw', 7],
    ['close', 'Data', 7],
    ['close', 'a:Doc', 8],
  ];

  it('reports tags, attributes, text, entities and CDATA with their lines', () => {
    expect(events(DOC)).toEqual(expected);
  });

  it('gives the same events whatever the chunk boundaries', () => {
    for (const chunk of [1, 2, 3, 5, 7, 64]) expect(events(DOC, chunk)).toEqual(expected);
  });

  it('skips a byte-order mark and reads declared windows-1252', () => {
    expect(events(`\ufeff<r>x</r>`)).toEqual([
      ['open', 'r', 1],
      ['text', 'x', 1],
      ['close', 'r', 1],
    ]);
    const latin = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><r>M'),
      Buffer.from([0xfc]),
      Buffer.from('ller</r>'),
    ]);
    expect(events(latin)[1]).toEqual(['text', 'Müller', 1]);
  });

  it('reads the encoding the prolog declares, or UTF-16 by its byte-order mark', () => {
    const baltic = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="windows-1257"?>\n<r>B'),
      Buffer.from([0xe7, 0xf0]), // "ēš" in windows-1257
      Buffer.from('</r>'),
    ]);
    for (const chunk of [0, 1, 3]) expect(events(baltic, chunk)[1]).toEqual(['text', 'Bēš', 2]);
    const utf16 = Buffer.concat([
      Buffer.from([0xfe, 0xff]),
      Buffer.from('\u0000<\u0000r\u0000>\u0001\u0013\u0000<\u0000/\u0000r\u0000>', 'latin1'),
    ]);
    expect(events(utf16, 1)[1]).toEqual(['text', 'ē', 1]);
    // A UTF-8 byte-order mark outweighs a declaration.
    expect(events('\ufeff<?xml version="1.0" encoding="windows-1257"?><r>ē</r>')[1]).toEqual(['text', 'ē', 1]);
  });

  it('allows ">" inside attribute values', () => {
    expect(events('<r a="x>y"/>')).toEqual([
      ['open', 'r {"a":"x>y"}', 1],
      ['close', 'r', 1],
    ]);
  });

  it('refuses an unclosed element, naming the line where it opened', () => {
    const e = failure('<Doc>\n  <Stmt>\n    <Ntry>\n      <Amt>1</Amt>\n');
    expect(e.code).toBe('import_failed');
    expect(e.path).toBe('line 3');
    expect(e.message).toMatch(/<Ntry> is never closed.*line 5.*truncated/);
  });

  it('refuses a file cut inside a tag or a CDATA section', () => {
    expect(failure('<Doc>\n<Amt Ccy="EU').message).toMatch(/ends inside a tag/);
    expect(failure('<Doc><![CDATA[abc').path).toBe('line 1');
  });

  it('refuses mismatched and stray end tags', () => {
    const e = failure('<Doc>\n<Amt>1</Ccy>\n</Doc>');
    expect(e.path).toBe('line 2');
    expect(e.message).toMatch(/<\/Ccy> does not close <Amt> opened on line 2/);
    expect(failure('<Doc/></Doc>').message).toMatch(/closes nothing/);
  });

  it('refuses what is not well-formed', () => {
    expect(failure('<Doc>a & b</Doc>').message).toMatch(/unknown entity "&"/);
    expect(failure('<Doc>&nbsp;</Doc>').message).toMatch(/unknown entity &nbsp;/);
    expect(failure('<Doc a=1/>').message).toMatch(/malformed attribute/);
    expect(failure('<Doc/><Doc/>').message).toMatch(/after the root element/);
    expect(failure('hello').message).toMatch(/is this an XML file/);
    expect(failure('').message).toMatch(/no XML element/);
    expect(failure('<!DOCTYPE x [<!ENTITY a "b">]><x/>').message).toMatch(/DOCTYPE/);
    expect(failure('<?xml version="1.0" encoding="UTF-16"?><x/>').message).toMatch(/encoding "utf-16"/);
  });

  it('refuses bytes that are not UTF-8, naming the line', () => {
    const bad = Buffer.concat([Buffer.from('<Doc>\n<Nm>'), Buffer.from([0xc3, 0x28]), Buffer.from('</Nm></Doc>')]);
    const e = failure(bad);
    expect(e.path).toBe('line 2');
    expect(e.message).toMatch(/not valid UTF-8/);
    // A real U+FFFD in the file is fine.
    expect(events('<r>\ufffd</r>')[1]?.[1]).toBe('\ufffd');
  });
});
