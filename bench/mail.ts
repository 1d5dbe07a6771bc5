/**
 * E-mail import (the `mail` format): a generated mailbox (mbox) of BENCH_MAIL_MESSAGES messages
 * (default 10,000; every tenth with a small attachment, half of them replies, encoded names in
 * the headers) imported into a fresh case (SQLite in memory), in messages per second, beside the
 * MIME parser alone (`mailparser`'s simpleParser over the same messages, split in memory) in the
 * same run. The ratio is what the platform adds to parsing: ids, entities, addresses and links,
 * validation, evidence files (hashed and encrypted) and the writes, in one transaction.
 */
import { simpleParser } from 'mailparser';
import { mailImporter } from '../src/ingest/documents/mailItems.ts';
import { memoryInput } from '../src/ingest/files.ts';
import { createCase } from '../src/services/cases/index.ts';
import { runImport } from '../src/services/imports/index.ts';
import { Store } from '../src/store/store.ts';
import { testActor } from '../test/support/api.ts';
import { fmt, rate, time } from './support.ts';

export function mailbox(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const date = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toUTCString().replace('GMT', '+0000');
    const headers = [
      `From sender${i % 50}@example.lv ${date}`,
      `From: =?UTF-8?Q?J=C4=81nis_${i % 50}?= <sender${i % 50}@example.lv>`,
      `To: Worker ${i % 200} <worker${i % 200}@example.com>`,
      ...(i % 3 === 0 ? [`Cc: office@example.lv`] : []),
      `Subject: ${i % 2 ? 'Re: ' : ''}Darbs nr. ${Math.floor(i / 2)}`,
      `Date: ${date}`,
      `Message-ID: <m${i}@example.lv>`,
      ...(i % 2 ? [`In-Reply-To: <m${i - 1}@example.lv>`] : []),
      'MIME-Version: 1.0',
    ];
    const text = `Message ${i}: the bus leaves at ${6 + (i % 12)}.\nBring the passport and ${i % 90} euro.\n`;
    if (i % 10 === 0) {
      out.push(
        [
          ...headers,
          'Content-Type: multipart/mixed; boundary="b"',
          '',
          '--b',
          'Content-Type: text/plain; charset=utf-8',
          '',
          text,
          '--b',
          'Content-Type: text/csv; name="hours.csv"',
          'Content-Disposition: attachment; filename="hours.csv"',
          'Content-Transfer-Encoding: base64',
          '',
          Buffer.from(`day;hours\n${'Mon;12\n'.repeat(20)}`).toString('base64'),
          '--b--',
          '',
        ].join('\n'),
      );
    } else out.push([...headers, 'Content-Type: text/plain; charset=utf-8', '', text].join('\n'));
  }
  return out.join('\n');
}

export async function mailBench(): Promise<void> {
  const n = Number(process.env.BENCH_MAIL_MESSAGES ?? 10_000);
  const mbox = Buffer.from(mailbox(n), 'utf8');
  console.log(`\nE-mail import: a generated mbox of ${fmt(n)} messages (${(mbox.length / 1e6).toFixed(1)} MB), SQLite`);
  const parseOnly = () =>
    time(async () => {
      let parsed = 0;
      for (const raw of mbox.toString('latin1').split(/\n(?=From )/)) {
        await simpleParser(Buffer.from(raw.slice(raw.indexOf('\n') + 1), 'latin1'));
        parsed++;
      }
      return parsed;
    });
  const store = await Store.open({ sqliteFile: ':memory:' });
  try {
    const actor = await testActor(store, 'bench-mail', 'investigator');
    const importOnce = async () => {
      const caseId = (await createCase(store, actor, { title: 'bench mail', country: 'LV' })).id;
      return time(() => runImport(store, actor, caseId, mailImporter, memoryInput('seized.mbox', mbox), {}));
    };
    await parseOnly(); // warm-up
    const parsed = await parseOnly();
    const imported = await importOnce();
    const emails = imported.value.bySchema['Email'] ?? 0;
    if (parsed.value !== n || emails !== n)
      throw new Error(`expected ${n} messages, parsed ${parsed.value}, imported ${emails}`);
    const line = (label: string, ms: number) =>
      console.log(
        `  ${label.padEnd(46)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${fmt(rate(n, ms)).padStart(8)} messages/s`,
      );
    line('import (mail format, whole pipeline)', imported.ms);
    line('baseline: mailparser alone, same messages', parsed.ms);
    console.log(
      `  ratio (import / parser alone) ${(imported.ms / parsed.ms).toFixed(2)}; ` +
        `${fmt(imported.value.entitiesAdded)} entities, ${fmt(imported.value.filesAdded)} evidence files`,
    );
  } finally {
    await store.close();
  }
}
