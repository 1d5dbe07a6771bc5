/**
 * Keys kept OUTSIDE the database and the data folder (`ELECT_KEY_DIR`): whoever can rewrite
 * the database cannot forge audit signatures, and a copy of the data folder or of a backup
 * archive does not carry the key that decrypts its evidence files.
 *
 *   audit-signing.key   Ed25519 private key (PKCS#8 PEM, 0600): signs every audit record
 *   audit-signing.pub   its public key (SPKI PEM): all verification needs; give it to the DPO
 *   evidence.key        AES-256-GCM key for evidence files at rest (base64, 0600)
 *   query-hash.key      HMAC key for the keyed hash of search words in the audit log (0600)
 *   retired/            earlier public and evidence keys after a rotation, still used to verify
 *                       and decrypt (a key's id is in every signature and every file row)
 *   witness/            the latest signed audit head per database (truncation detection)
 *
 * Missing keys are generated on first use; two processes starting at once agree on one key
 * (each file is created exclusively). Losing `evidence.key` makes evidence unreadable: back the
 * folder up, separately from the data and from its backups.
 */
import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';

const SIGNING_FILE = 'audit-signing.key';
const PUBLIC_FILE = 'audit-signing.pub';
const EVIDENCE_FILE = 'evidence.key';
const QUERY_HASH_FILE = 'query-hash.key';
const RETIRED_DIR = 'retired';

/** Where the keys live: `ELECT_KEY_DIR`, else `$XDG_CONFIG_HOME/elect-thb/keys` (~/.config/…). */
export function resolveKeyDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ELECT_KEY_DIR) return resolve(env.ELECT_KEY_DIR);
  // Test runs must not create keys in the user's configuration folder.
  if (env.VITEST) return join(tmpdir(), 'elect-thb-test-keys');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'elect-thb', 'keys');
}

const real = (p: string): string => (existsSync(p) ? realpathSync(p) : resolve(p));

/** Refuses a key folder inside the data folder: a copy of the data would then carry its keys. */
export function assertKeyDirOutside(keyDir: string, dataDir: string): void {
  const rel = relative(real(dataDir), real(keyDir));
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw new Error(
      `The key folder ${keyDir} is inside the data folder ${dataDir}; set ELECT_KEY_DIR to a folder outside it`,
    );
  }
}

export const publicKeyId = (key: KeyObject): string =>
  createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
const secretKeyId = (purpose: string, key: Buffer): string =>
  createHash('sha256').update(`elect-${purpose}\n`).update(key).digest('hex').slice(0, 16);

/** Creates `file` with `content` unless it exists; concurrent creators end with one winner. */
function createExclusive(file: string, content: string | Buffer): boolean {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, content, { mode: 0o600 });
  try {
    linkSync(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    unlinkSync(tmp);
  }
}

function readSecret(file: string): Buffer {
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
  return key;
}

export interface KeyRingOptions {
  /** Keep a signed audit head in `witness/` after each append (set for deployments). */
  witness?: boolean;
  /** Extra public keys to verify with (an auditor's copy), PEM. */
  publicKeys?: readonly string[];
}

export class KeyRing {
  readonly signingKeyId: string;
  readonly evidenceKeyId: string;
  /** Files generated when this ring was opened (empty when all existed). */
  readonly generated: string[];

  private constructor(
    readonly dir: string,
    private readonly privateKey: KeyObject | null,
    private readonly publicKeys: Map<string, KeyObject>,
    private readonly evidenceKeys: Map<string, Buffer>,
    private readonly queryKey: Buffer | null,
    readonly witness: boolean,
    generated: string[],
  ) {
    this.signingKeyId = privateKey ? publicKeyId(createPublicKey(privateKey)) : '';
    this.evidenceKeyId = [...evidenceKeys.keys()][0] ?? '';
    this.generated = generated;
  }

  /** Opens the key folder, generating whatever key is missing (0700 folder, 0600 files). */
  static open(dir: string, opts: KeyRingOptions = {}): KeyRing {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const generated: string[] = [];
    const ensure = (name: string, make: () => string) => {
      const file = join(dir, name);
      if (!existsSync(file) && createExclusive(file, make())) generated.push(name);
      return file;
    };
    const signingFile = ensure(SIGNING_FILE, () =>
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    );
    const privateKey = createPrivateKey(readFileSync(signingFile, 'utf8'));
    const publicKey = createPublicKey(privateKey);
    const pubFile = join(dir, PUBLIC_FILE);
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    if (!existsSync(pubFile) || readFileSync(pubFile, 'utf8') !== pem) writeFileSync(pubFile, pem, { mode: 0o644 });

    const evidenceFile = ensure(EVIDENCE_FILE, () => `${randomBytes(32).toString('base64')}\n`);
    const queryFile = ensure(QUERY_HASH_FILE, () => `${randomBytes(32).toString('base64')}\n`);

    const publicKeys = new Map<string, KeyObject>([[publicKeyId(publicKey), publicKey]]);
    const evidence = readSecret(evidenceFile);
    const evidenceKeys = new Map<string, Buffer>([[secretKeyId('evidence', evidence), evidence]]);
    const retired = join(dir, RETIRED_DIR);
    if (existsSync(retired)) {
      for (const f of readdirSync(retired).sort()) {
        if (f.endsWith('.pub')) {
          const k = createPublicKey(readFileSync(join(retired, f), 'utf8'));
          publicKeys.set(publicKeyId(k), k);
        } else if (f.startsWith('evidence') && f.endsWith('.key')) {
          const k = readSecret(join(retired, f));
          evidenceKeys.set(secretKeyId('evidence', k), k);
        }
      }
    }
    for (const p of opts.publicKeys ?? []) {
      const k = createPublicKey(p);
      publicKeys.set(publicKeyId(k), k);
    }
    return new KeyRing(
      dir,
      privateKey,
      publicKeys,
      evidenceKeys,
      readSecret(queryFile),
      opts.witness ?? false,
      generated,
    );
  }

  /** A ring that can only verify (an auditor holding the public key and nothing else). */
  static verifyOnly(publicKeyPems: readonly string[]): KeyRing {
    const keys = new Map(publicKeyPems.map((p) => createPublicKey(p)).map((k) => [publicKeyId(k), k] as const));
    return new KeyRing('', null, keys, new Map(), null, false, []);
  }

  get canSign(): boolean {
    return this.privateKey !== null;
  }

  /** Ed25519 signature, base64. */
  sign(message: string): string {
    if (!this.privateKey) throw new Error('This key ring holds no signing key');
    return sign(null, Buffer.from(message, 'utf8'), this.privateKey).toString('base64');
  }

  /** True or false; undefined when the key that signed is not in this ring. */
  verify(keyId: string, message: string, signature: string): boolean | undefined {
    const key = this.publicKeys.get(keyId);
    if (!key) return undefined;
    try {
      return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64'));
    } catch {
      return false;
    }
  }

  publicKeyPem(): string {
    const key = this.publicKeys.get(this.signingKeyId) ?? [...this.publicKeys.values()][0];
    return key ? key.export({ type: 'spki', format: 'pem' }).toString() : '';
  }

  evidenceKey(keyId: string): Buffer | undefined {
    return this.evidenceKeys.get(keyId);
  }

  /**
   * Keyed hash of search words for the audit log: the log does not show what was searched,
   * but a DPO holding the key can check whether a given query was made (`elect audit query-hash`).
   */
  queryHash(text: string): string {
    if (!this.queryKey) throw new Error('This key ring holds no query-hash key');
    const normal = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
    return createHmac('sha256', this.queryKey).update(normal).digest('hex').slice(0, 32);
  }
}

let current: KeyRing | undefined;

/** The process's key ring: the one set with `useKeyRing`, else opened from the environment. */
export function keyRing(): KeyRing {
  return (current ??= KeyRing.open(resolveKeyDir()));
}

/** The ring in use, if this process opened or set one (no key folder is created for asking). */
export const keyRingInUse = (): KeyRing | undefined => current;

export function useKeyRing(ring: KeyRing): void {
  current = ring;
}
