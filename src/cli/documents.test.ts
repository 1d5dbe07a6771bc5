import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase } from '../services/cases/cases.ts';
import { actorOf, addUser } from '../services/access/users.ts';
import { KeyRing, useKeyRing } from '../store/keys.ts';
import { Store } from '../store/store.ts';

const keyDir = mkdtempSync(join(tmpdir(), 'elect-cli-keys-'));
useKeyRing(KeyRing.open(keyDir));

function elect(dataDir: string, ...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', '--data', dataDir, '--as', 'officer', ...args],
    { encoding: 'utf8', env: { ...process.env, ELECT_KEY_DIR: keyDir, VITEST: '' }, timeout: 60_000 },
  );
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const CHAT = [
  '14/03/2024, 09:12 - Ivan: Your passport stays with me until the debt for the flight is paid',
  '20/03/2024, 09:15 - Olga: Send the rent to LV80BANK0000435195001 please',
].join('\n');

describe('elect documents', () => {
  it('searches a case’s documents with filters and lists indicator marks; bad dates name the option', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'elect-cli-data-'));
    const s = await Store.open({ dataDir });
    const officer = actorOf(await addUser(s, { username: 'officer', platformRole: 'investigator' }));
    const kase = await createCase(s, officer, { title: 'Chats', country: 'LV' });
    await s.close();
    const chat = join(dataDir, 'WhatsApp Chat with Ivan.txt');
    writeFileSync(chat, CHAT);
    expect(elect(dataDir, 'import', chat, '--case', kase.id, '--format', 'chat').status).toBe(0);

    const found = elect(
      dataDir,
      'documents',
      'search',
      kase.id,
      'LV80BANK0000435195001',
      '--type',
      'chat',
      '--sender',
      'olga',
      '--from',
      '2024-03-15',
    );
    expect(found.status).toBe(0);
    expect(found.out).toContain('1 document(s)');
    expect(found.out).toContain('Send the rent to »LV80BANK0000435195001« please');

    const bad = elect(dataDir, 'documents', 'search', kase.id, '--from', '2024-13-01');
    expect(bad.status).not.toBe(0);
    expect(bad.out).toContain('--from');

    const marks = elect(dataDir, 'documents', 'marks', kase.id);
    expect(marks.status).toBe(0);
    expect(marks.out).toContain('retentionOfDocuments');
    expect(marks.out).toContain('Your passport stays with me');
  }, 400_000);
});
