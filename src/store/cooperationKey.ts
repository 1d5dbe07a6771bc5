/**
 * This deployment's signing key for exchanges with partners (Ed25519), kept like the audit
 * signing key in the key folder (ELECT_KEY_DIR), never in the database: `cooperation-signing.key`
 * (32 bytes, base64, 0600). The database keeps only a reference (file name, public key, id) so
 * an operator sees which key partners must register. Generated on first use.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { identityFromSecret, newSigningSecret } from '../domain/hits/exchange.ts';
import type { SigningIdentity } from '../domain/hits/exchange.ts';
import { resolveKeyDir } from './keys.ts';
import type { Store } from './store.ts';

export const COOPERATION_KEY_FILE = 'cooperation-signing.key';

/** Reads the key from `dir`, creating it exclusively (two processes agree on one key). */
export function loadCooperationIdentity(dir: string = resolveKeyDir()): SigningIdentity {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, COOPERATION_KEY_FILE);
  if (!existsSync(file)) {
    try {
      writeFileSync(file, `${Buffer.from(newSigningSecret()).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (secret.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
  return identityFromSecret(new Uint8Array(secret));
}

/** Records (or refreshes) the reference to the key in the database. */
export async function recordIdentity(store: Store, me: SigningIdentity): Promise<void> {
  const row = await store.db.selectFrom('cooperation_identity').selectAll().where('id', '=', 'self').executeTakeFirst();
  if (row?.public_key === me.publicKeyHex) return;
  const values = {
    deployment_id: me.deploymentId,
    public_key: me.publicKeyHex,
    key_file: COOPERATION_KEY_FILE,
    created_at: new Date().toISOString(),
  };
  if (row) await store.db.updateTable('cooperation_identity').set(values).where('id', '=', 'self').execute();
  else
    await store.db
      .insertInto('cooperation_identity')
      .values({ id: 'self', ...values })
      .execute();
}
