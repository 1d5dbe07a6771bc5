import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { describeWithFixtures, fixtureBytes } from '../../../test/support/fixtures.ts';
import { readMessage, splitMailbox, topicOf, type MailMessage } from './mail.ts';

const split = async (text: string | Buffer, chunk = 7) => {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  const out: { line: number; raw: string }[] = [];
  for await (const m of splitMailbox(Readable.from(parts))) out.push({ line: m.line, raw: m.raw.toString('utf8') });
  return out;
};

const readAll = async (bytes: Buffer): Promise<MailMessage[]> => {
  const out: MailMessage[] = [];
  for await (const m of splitMailbox(Readable.from([bytes]))) out.push(await readMessage(m.raw, `line ${m.line}`));
  return out;
};

describe('mailbox split', () => {
  it('cuts on From lines after an empty line, unescapes >From and keeps the separator line numbers', async () => {
    const mbox = [
      'From a@example.com Mon Jan  1 00:00:00 2024',
      'Subject: one',
      '',
      'Hello',
      '>From the start',
      'From here on a body line that is not a separator',
      '',
      'From b@example.com Mon Jan  1 00:00:01 2024',
      'Subject: two',
      '',
      'Bye',
      '',
    ].join('\n');
    const out = await split(mbox);
    expect(out.map((m) => m.line)).toEqual([1, 8]);
    expect(out[0]?.raw).toContain('\nFrom the start\n');
    expect(out[0]?.raw).toContain('From here on a body line');
    expect(out[0]?.raw.endsWith('separator\n')).toBe(true);
    expect(out[1]?.raw).toBe('Subject: two\n\nBye\n');
  });

  it('reads a file without a From line as one message, CRLF kept', async () => {
    const out = await split('Subject: x\r\n\r\nFrom me\r\n', 3);
    expect(out).toEqual([{ line: 1, raw: 'Subject: x\r\n\r\nFrom me\r\n' }]);
  });
});

describe('message reading (samples written here)', () => {
  it('decodes RFC 2047 headers in any charset and keeps Latvian and Cyrillic names', async () => {
    const raw = Buffer.from(
      [
        'From: =?UTF-8?B?SsSBbmlzIELEk3J6acWGxaE=?= <Janis@Example.LV>',
        'To: =?KOI8-R?Q?=E9=D7=C1=CE?= <ivan@example.ru>, "Anna" <anna@example.ee>',
        'Cc: undisclosed-recipients:;',
        'Subject: =?ISO-8859-1?Q?Re:_Fw:_Pr=F6vning?=',
        'Date: Tue, 3 Mar 2026 09:15:00 +0200',
        'Message-ID: <m2@example.lv>',
        'In-Reply-To: <m1@example.lv>',
        '',
        'Labdien',
      ].join('\r\n'),
      'latin1',
    );
    const m = await readMessage(raw, 'line 1');
    expect(m.from).toEqual([{ address: 'janis@example.lv', name: 'Jānis Bērziņš' }]);
    expect(m.to.map((a) => a.name)).toEqual(['Иван', 'Anna']);
    expect(m.cc).toEqual([]);
    expect(m.subject).toBe('Re: Fw: Prövning');
    expect(topicOf(m.subject ?? '')).toBe('Prövning');
    expect(m.date).toBe('2026-03-03T07:15:00Z');
    expect([m.messageId, m.inReplyTo]).toEqual(['<m2@example.lv>', '<m1@example.lv>']);
    expect(m.bodyText.trim()).toBe('Labdien');
  });

  it('reads messages forwarded inside forwarded messages, each with its attachment', async () => {
    const inner = ['From: c@example.com', 'Subject: innermost', '', 'deep text'].join('\r\n');
    const wrap = (subject: string, body: string, attached: string) =>
      [
        'From: a@example.com',
        `Subject: ${subject}`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        body,
        '--b',
        'Content-Type: text/csv; name="pay.csv"',
        'Content-Disposition: attachment; filename="pay.csv"',
        '',
        'name;amount',
        '--b',
        'Content-Type: message/rfc822',
        '',
        attached,
        '--b--',
        '',
      ].join('\r\n');
    const middle = wrap('middle', 'middle text', inner).replace(/--b/g, '--c').replace('boundary="b"', 'boundary="c"');
    const m = await readMessage(Buffer.from(wrap('outer', 'outer text', middle)), 'line 1');
    expect(m.subject).toBe('outer');
    expect(m.attachments.map((a) => a.fileName)).toEqual(['pay.csv']);
    expect(m.forwarded.map((f) => f.subject)).toEqual(['middle']);
    expect(m.forwarded[0]?.attachments.map((a) => a.content.toString())).toEqual(['name;amount']);
    expect(m.forwarded[0]?.forwarded.map((f) => [f.subject, f.bodyText.trim()])).toEqual([['innermost', 'deep text']]);
  });

  it('gives the text of an HTML-only message', async () => {
    const raw = ['From: a@example.com', 'Content-Type: text/html', '', '<p>Hello <b>world</b></p>'].join('\r\n');
    expect((await readMessage(Buffer.from(raw), 'line 1')).bodyText).toContain('Hello world');
  });
});

describeWithFixtures('e-mail samples (../shared/fixtures/mail, counted by hand)', () => {
  it('forwarded message/rfc822: one message to blah@example.com carrying one forwarded message with broken.pdf', async () => {
    const [m, ...rest] = await readAll(fixtureBytes('mail', 'mikel-mail_attachment_message_rfc822.eml'));
    expect(rest).toEqual([]);
    expect(m?.subject).toBe('testing');
    expect(m?.from).toEqual([{ address: 'foo@example.com', name: '' }]);
    expect(m?.to.map((a) => a.address)).toEqual(['blah@example.com']);
    expect(m?.date).toBe('2005-06-06T20:21:22Z');
    expect(m?.bodyText.trim()).toBe('This is the first part.');
    expect(m?.attachments).toEqual([]);
    const fwd = m?.forwarded ?? [];
    expect(fwd.map((f) => [f.subject, f.from[0]?.name, f.attachments.map((a) => [a.fileName, a.mimeType])])).toEqual([
      ['Another PDF', 'Test Tester', [['broken.pdf', 'application/pdf']]],
    ]);
  });

  it('raw 8-bit UTF-8 subject with emoji, ISO-8859-1 text, one PDF', async () => {
    const [m] = await readAll(fixtureBytes('mail', 'mikel-mail_attachment_pdf_non_ascii.eml'));
    expect(m?.subject).toBe('Another PDF with 🎉 Unicode chars in it 🍿');
    expect(m?.from).toEqual([{ address: 'xxxx@xxxx.com', name: 'Test Tester' }]);
    expect(m?.to).toHaveLength(2);
    expect(m?.date).toBe('2005-05-10T17:26:39Z');
    expect(m?.attachments.map((a) => [a.fileName, a.content.length])).toEqual([['broken.pdf', 1026]]);
  });

  it('RFC 2047 subject and RFC 2231 attachment name in Japanese, no body text', async () => {
    const [m] = await readAll(fixtureBytes('mail', 'mikel-mail_japanese_attachment_long_name.eml'));
    expect(m?.subject).toBe('まみむめも'.repeat(10));
    expect(m?.from).toEqual([{ address: 'mikel@test.lindsaar.net', name: 'Mikel Lindsaar' }]);
    expect(m?.date).toBe('2009-10-30T08:11:02Z');
    expect(m?.bodyText.trim()).toBe('');
    expect(m?.attachments.map((a) => a.fileName)).toEqual([`${'かきくけこ'.repeat(5)}.txt`]);
  });

  it('S/MIME-signed message starting with an mbox From line: an inline PNG and the signature', async () => {
    const all = await readAll(fixtureBytes('mail', 'mikel-mail_raw_email_with_nested_attachment.eml'));
    expect(all).toHaveLength(1);
    expect(all[0]?.from[0]).toEqual({ address: 'jamis@37signals.com', name: 'Jamis Buck' });
    expect(all[0]?.date).toBe('2007-02-22T18:20:31Z');
    expect(all[0]?.attachments.map((a) => [a.fileName, a.mimeType])).toEqual([
      ['truncated.png', 'image/png'],
      ['smime.p7s', 'application/pkcs7-signature'],
    ]);
  });

  it('Gmail Takeout mbox: four messages at lines 1, 22, 53, 74; message 2 has Attachment.zip', async () => {
    const bytes = fixtureBytes('mail', 'mimekit_issue1189.mbox');
    const lines: number[] = [];
    for await (const m of splitMailbox(Readable.from([bytes]))) lines.push(m.line);
    expect(lines).toEqual([1, 22, 53, 74]);
    const all = await readAll(bytes);
    expect(all.map((m) => m.subject)).toEqual(['Message 1', 'Message 2', 'Message 3', 'Message 4']);
    expect(all.map((m) => m.date)).toEqual([
      '2025-09-26T17:18:40Z',
      '2025-09-26T17:19:25Z',
      '2025-09-26T17:19:39Z',
      '2025-09-26T17:19:54Z',
    ]);
    expect(all.map((m) => m.from[0]?.address)).toEqual(Array(4).fill('sender@example.com'));
    expect(all.map((m) => m.bodyText.trim())).toEqual([1, 2, 3, 4].map((n) => `Body of message ${n}.`));
    // The zip part has no empty line between its headers and its base64 (the issue the file was
    // published for): it is still listed, with no bytes.
    expect(all.map((m) => m.attachments.map((a) => [a.fileName, a.mimeType]))).toEqual([
      [],
      [['Attachment.zip', 'application/x-zip-compressed']],
      [],
      [],
    ]);
  });
});
