import { describe, expect, it } from 'vitest';
import { describeWithFixtures, fixtureText } from '../../../test/support/fixtures.ts';
import { chatNameOf, readChat, readTelegram, readWhatsApp } from './chat.ts';
import { senderPhone } from './chatItems.ts';

const brief = (m: { line: number; sender: string; date: string; text: string }) => [m.line, m.sender, m.date, m.text];

describe('WhatsApp text exports (samples written here)', () => {
  it('Android, day first, 24 h: encryption notice and "added" are system lines, media lines are attachments', () => {
    const text = [
      '\uFEFF12/03/2024, 09:01 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even ' +
        'WhatsApp, can read or listen to them. Tap to learn more.',
      '12/03/2024, 09:02 - Ivan created group "Darbs Rīgā"',
      '12/03/2024, 09:02 - Ivan added +371 2612 3456',
      '12/03/2024, 09:05 - Ivan: Passports: give them to me',
      'for safekeeping.',
      '',
      '13/03/2024, 22:40 - +371 2612 3456: IMG-20240313-WA0001.jpg (file attached)',
      'my room',
      '13/03/2024, 22:41 - +371 2612 3456: <Media omitted>',
    ].join('\n');
    const chat = readWhatsApp(text, 'WhatsApp Chat with Darbs Rīgā.txt');
    expect(chat.name).toBe('Darbs Rīgā');
    expect(chat.systemLines).toEqual([1, 2, 3]);
    expect(chat.warnings).toEqual([]);
    expect(chat.messages.map(brief)).toEqual([
      [4, 'Ivan', '2024-03-12T09:05', 'Passports: give them to me\nfor safekeeping.'],
      [7, '+371 2612 3456', '2024-03-13T22:40', 'my room'],
      [9, '+371 2612 3456', '2024-03-13T22:41', '<Media omitted>'],
    ]);
    expect(chat.messages[1]?.attachments).toEqual(['IMG-20240313-WA0001.jpg']);
  });

  it('iOS, bracketed with seconds: the chat-named encryption notice (after a mark) is a system line', () => {
    const text = [
      '[05.01.24, 13:07:11] Anna: \u200eMessages and calls are end-to-end encrypted.',
      '[05.01.24, 13:08:00] Anna: \u200e<attached: 00000012-PHOTO-2024-01-05-13-08-00.jpg>',
      '[05.01.24, 13:09:59] +358 40 123 4567: Where are you?',
    ].join('\r\n');
    const chat = readWhatsApp(text, 'chat.txt');
    expect(chat.systemLines).toEqual([1]);
    expect(chat.messages.map(brief)).toEqual([
      [2, 'Anna', '2024-01-05T13:08:00', ''],
      [3, '+358 40 123 4567', '2024-01-05T13:09:59', 'Where are you?'],
    ]);
    expect(chat.messages[0]?.attachments).toEqual(['00000012-PHOTO-2024-01-05-13-08-00.jpg']);
    // No field over 12: read day first, and said.
    expect(chat.warnings[0]).toMatch(/day first/);
  });

  it('12-hour clocks: 12 AM is midnight, 12 PM noon, and the AM/PM styles of several locales', () => {
    const text = [
      '1/2/24, 12:05 AM - A: midnight',
      '1/2/24, 12:05 PM - A: noon',
      '1/2/24, 1:05 p.m. - A: afternoon',
      '1/13/24, 11:59\u202fpm - A: late',
    ].join('\n');
    expect(readWhatsApp(text, 'x.txt').messages.map((m) => m.date)).toEqual([
      '2024-01-02T00:05',
      '2024-01-02T12:05',
      '2024-01-02T13:05',
      '2024-01-13T23:59',
    ]);
  });

  it('refuses a file that is no export, and an impossible date, naming the line', () => {
    expect(() => readWhatsApp('hello\nworld', 'x.txt')).toThrow(expect.objectContaining({ path: 'line 1' }));
    expect(() => readWhatsApp('31/02/2024, 10:00 - A: b', 'x.txt')).toThrow(
      expect.objectContaining({ path: 'line 1' }),
    );
  });

  it('names the chat after the export file', () => {
    expect(chatNameOf('WhatsApp Chat - Work.txt')).toBe('Work');
    expect(chatNameOf('_chat.txt')).toBe('_chat');
  });
});

describe('Telegram JSON exports (samples written here)', () => {
  it('a whole-account export: service messages are left out, replies and media kept, text entities joined', () => {
    const doc = {
      chats: {
        list: [
          {
            name: 'Recruiter',
            id: 42,
            messages: [
              { id: 1, type: 'service', date: '2024-02-01T10:00:00', actor: 'Recruiter', action: 'phone_call' },
              {
                id: 2,
                type: 'message',
                date: '2024-02-01T10:01:00',
                date_unixtime: '1706781660',
                from: 'Recruiter',
                text: ['Job in ', { type: 'bold', text: 'Helsinki' }, '!'],
              },
              {
                id: 3,
                type: 'message',
                date: '2024-02-01T10:02:00',
                from: 'Olena',
                text: 'Send it',
                reply_to_message_id: 2,
                photo: 'photos/photo_1.jpg',
              },
            ],
          },
          { name: 'Saved', messages: [] },
        ],
      },
    };
    const [chat, saved] = readTelegram(JSON.stringify(doc));
    expect(chat?.name).toBe('Recruiter');
    expect(chat?.systemLines).toEqual([1]);
    expect(chat?.messages.map(brief)).toEqual([
      [2, 'Recruiter', '2024-02-01T10:01:00Z', 'Job in Helsinki!'],
      [3, 'Olena', '2024-02-01T10:02:00', 'Send it'],
    ]);
    expect(chat?.messages[1]).toMatchObject({ replyTo: '2', attachments: ['photos/photo_1.jpg'] });
    expect(saved?.messages).toEqual([]);
  });

  it('refuses JSON that is no export and a message without a date, naming where', () => {
    expect(() => readTelegram('{"a":1}')).toThrow(/no "messages"/);
    expect(() => readTelegram('{"messages":[{"type":"message","text":"x"}]}')).toThrow(
      expect.objectContaining({ path: 'messages.messages[0]' }),
    );
  });
});

describe('sender phone numbers', () => {
  it('reads a sender that is one phone number to E.164 through the phone reader; names stay names', () => {
    expect(senderPhone('+371 2612 3456')).toBe('+37126123456');
    expect(senderPhone('+358 40 123 4567')).toBe('+358401234567');
    expect(senderPhone('Anna')).toBeNull();
    expect(senderPhone('+12 345 578')).toBeNull();
  });
});

describeWithFixtures('chat samples (../shared/fixtures/chat, counted by hand)', () => {
  // 9 timestamped lines: 7 messages, 2 system lines ("created group", "You were added"); two
  // messages run on to a second line; one message is just ".".
  const expected = [
    [1, 'John Doe', '2019-01-01T11:25', 'Lorem ipsum dolor sit amet.'],
    [2, 'John Doe', '2019-01-20T11:23', '.'],
    [3, 'Jahn Doe', '2019-01-30T20:49', 'Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit. Duis libero.'],
    [5, 'John-John Doe', '2020-06-10T15:55', 'Lorem ipsum : dolor sit amet.'],
    [8, 'John Doe 🤓', '2021-12-10T10:10', 'Lorem ipsum 🤓'],
    [9, '🤓', '2021-12-20T12:10', 'Lorem ipsum 🤓'],
    [10, 'John Doe', '2021-12-30T22:01', 'Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit. Duis libero.'],
  ];

  it('Android layout, month first, 12-hour "p. m." clock', () => {
    const [chat] = readChat(fixtureText('chat', 'chat-miner_whatsapp_mmddyyyy_12hrs.txt'), 'a.txt');
    expect(chat?.app).toBe('whatsapp');
    expect(chat?.messages.map(brief)).toEqual(expected);
    expect(chat?.systemLines).toEqual([6, 7]);
    expect(new Set(chat?.messages.map((m) => m.sender)).size).toBe(5);
  });

  it('iOS bracketed layout, 2-digit years, 24-hour clock: the same chat', () => {
    const [chat] = readChat(fixtureText('chat', 'chat-miner_whatsapp_ios_bracketed_mmddyy_24hrs.txt'), 'b.txt');
    expect(chat?.messages.map(brief)).toEqual(expected);
    expect(chat?.systemLines).toEqual([6, 7]);
  });

  it('Telegram single-chat export: two messages, UTC times from date_unixtime, entity text joined', () => {
    const [chat, ...more] = readChat(fixtureText('chat', 'chat-miner_telegram_single_export.json'), 'result.json');
    expect(more).toEqual([]);
    expect(chat?.app).toBe('telegram');
    expect(chat?.messages.map(brief)).toEqual([
      [1, 'Author 1', '2018-12-05T10:39:10Z', 'Minimal Message'],
      [2, 'Author 2', '2018-12-05T10:49:24Z', 'Link:https://telegram.org/'],
    ]);
    expect(chat?.systemLines).toEqual([]);
  });
});
