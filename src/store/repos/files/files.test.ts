import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEachDialect, itDb } from '../../../../test/support/dialects.ts';
import { uniqueName } from '../../../../test/support/api.ts';
import { createCase } from '../../../services/cases/cases.ts';
import { actorOf, addUser } from '../../../services/access/users.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { KeyRing, useKeyRing } from '../../keys.ts';
import { Store } from '../../store.ts';
import { encryptPlaintextFiles, getFile, insertFile, sha256Hex } from './files.ts';

useKeyRing(KeyRing.open(mkdtempSync(join(tmpdir(), 'elect-evidence-keys-'))));

const plain = Buffer.from('Passport scan of Jānis Bērziņš, born 1990-04-12, phone +371 2612 3456. '.repeat(30), 'utf8');
const needles = [plain.subarray(0, 24), Buffer.from('Bērziņš', 'utf8'), Buffer.from('2612 3456')];
const containsPlaintext = (bytes: Buffer): boolean => needles.some((n) => bytes.includes(n));

async function caseWithFile(s: Store) {
  const actor = actorOf(await addUser(s, { username: uniqueName('ev'), platformRole: 'investigator' }));
  const c = await createCase(s, actor, { title: 'Evidence', country: 'LV' });
  const id = uuidv7();
  await insertFile(s.scope(c.id), {
    id,
    file_name: 'scan.txt',
    mime_type: 'text/plain',
    content: plain,
    entity_id: null,
    source_id: null,
    created_by: actor.id,
    created_at: new Date().toISOString(),
  });
  return { caseId: c.id, id };
}

describeEachDialect('evidence files at rest', ({ store }) => {
  itDb('are stored encrypted, read back decrypted, and refuse to open when altered or moved', async () => {
    const s = store();
    const { caseId, id } = await caseWithFile(s);
    const raw = await s.db
      .selectFrom('case_files')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(containsPlaintext(Buffer.from(raw.content))).toBe(false);
    expect(raw).toMatchObject({ enc_alg: 'aes-256-gcm', sha256: sha256Hex(plain), size: plain.length });
    expect((await getFile(s.scope(caseId), id))?.content.equals(plain)).toBe(true);

    const flipped = Buffer.from(raw.content);
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    await s.db
      .updateTable('case_files')
      .set({ content: flipped })
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .execute();
    await expect(getFile(s.scope(caseId), id)).rejects.toThrow(/integrity check/);

    // The same bytes under another case do not open either (case and file ids are bound in).
    const other = await caseWithFile(s);
    const row = await s.db
      .selectFrom('case_files')
      .selectAll()
      .where('case_id', '=', other.caseId)
      .executeTakeFirstOrThrow();
    await s.db
      .insertInto('case_files')
      .values({ ...row, case_id: caseId, id: 'moved' })
      .execute();
    await expect(getFile(s.scope(caseId), 'moved')).rejects.toThrow(/integrity check/);
  });

  itDb('files stored before encryption are encrypted by the maintenance pass', async () => {
    const s = store();
    const { caseId, id } = await caseWithFile(s);
    await s.db
      .updateTable('case_files')
      .set({ content: plain, enc_alg: null, enc_key_id: null, enc_nonce: null, enc_tag: null })
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .execute();
    expect((await getFile(s.scope(caseId), id))?.content.equals(plain)).toBe(true);
    expect(await encryptPlaintextFiles(s.db)).toBeGreaterThanOrEqual(1);
    const raw = await s.db
      .selectFrom('case_files')
      .select('content')
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(containsPlaintext(Buffer.from(raw.content))).toBe(false);
    expect((await getFile(s.scope(caseId), id))?.content.equals(plain)).toBe(true);
  });
});

describe('evidence on disk', () => {
  it('no file of the SQLite data folder holds the plaintext', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'elect-evidence-data-'));
    const s = await Store.open({ dataDir: dir });
    const { caseId, id } = await caseWithFile(s);
    expect((await getFile(s.scope(caseId), id))?.content.equals(plain)).toBe(true);
    const files = readdirSync(dir);
    expect(files).toContain('elect.sqlite');
    for (const f of files) expect(containsPlaintext(readFileSync(join(dir, f))), f).toBe(false);
    await s.close();
    for (const f of readdirSync(dir)) expect(containsPlaintext(readFileSync(join(dir, f))), f).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
