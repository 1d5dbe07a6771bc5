/**
 * The exchange file: one versioned JSON envelope for everything two deployments send each other
 * (as a file carried across an air gap, or as the body of a server-to-server request). It is
 * signed with the sender's Ed25519 key and binds the agreement, sender, recipient, a nonce and
 * the time, so a file that was altered, sent under another agreement, meant for someone else,
 * too old, or already seen (the receiver keeps the nonces) is rejected before anything in it is
 * used.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { PSI_PROTOCOL_VERSION } from './psi.ts';

export const EXCHANGE_FORMAT = 'elect-thb-exchange';
/**
 * The version of the exchange, which is the hit/no-hit protocol's: 1 was PSI over ristretto255,
 * 2 is PSI on edwards25519's prime-order subgroup (psi.ts). Points of one mean nothing in the
 * other, so a file of another version is refused before anything in it is read.
 */
export const EXCHANGE_VERSION = PSI_PROTOCOL_VERSION;
const VERSION_NAMES: Record<number, string> = {
  1: 'hit/no-hit over ristretto255',
  2: "hit/no-hit on Ed25519's prime-order subgroup",
};
const versionName = (v: number): string => `version ${v}${VERSION_NAMES[v] ? ` (${VERSION_NAMES[v]})` : ''}`;
const SIGNING_CONTEXT = 'ELECT-THB-EXCHANGE-v1\n';

export const exchangeTypes = ['psi-query', 'psi-response', 'coop-request', 'coop-decision', 'coop-delivery'] as const;
export type ExchangeType = (typeof exchangeTypes)[number];

const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`));
export const DeploymentId = hex(32);

export const Envelope = z.strictObject({
  format: z.literal(EXCHANGE_FORMAT),
  version: z.literal(EXCHANGE_VERSION),
  type: z.enum(exchangeTypes),
  agreementId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/),
  sender: DeploymentId,
  recipient: DeploymentId,
  nonce: hex(32),
  createdAt: z.iso.datetime(),
  body: z.unknown(),
  signature: hex(128),
});
export type Envelope = z.infer<typeof Envelope>;
export type UnsignedEnvelope = Omit<Envelope, 'signature'>;

/** JSON with object keys sorted at every level: the one byte form that is signed. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const signedBytes = (e: UnsignedEnvelope): Uint8Array => new TextEncoder().encode(SIGNING_CONTEXT + canonicalJson(e));

/** A deployment's identity is its public key; the id is the first 16 bytes of its SHA-256. */
export const deploymentIdOf = (publicKeyHex: string): string =>
  bytesToHex(sha256(hexToBytes(publicKeyHex))).slice(0, 32);

export interface SigningIdentity {
  secretKey: Uint8Array;
  publicKeyHex: string;
  deploymentId: string;
}

export function identityFromSecret(secretKey: Uint8Array): SigningIdentity {
  const publicKeyHex = bytesToHex(ed25519.getPublicKey(secretKey));
  return { secretKey, publicKeyHex, deploymentId: deploymentIdOf(publicKeyHex) };
}

export const newSigningSecret = (): Uint8Array => ed25519.utils.randomSecretKey();

export interface SealInput {
  type: ExchangeType;
  agreementId: string;
  recipient: string;
  body: unknown;
  now?: Date;
  nonce?: string;
}

export function sealEnvelope(me: SigningIdentity, input: SealInput): Envelope {
  const unsigned: UnsignedEnvelope = {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    type: input.type,
    agreementId: input.agreementId,
    sender: me.deploymentId,
    recipient: input.recipient,
    nonce: input.nonce ?? bytesToHex(randomBytes(16)),
    createdAt: (input.now ?? new Date()).toISOString(),
    body: input.body,
  };
  return { ...unsigned, signature: bytesToHex(ed25519.sign(signedBytes(unsigned), me.secretKey)) };
}

export interface OpenExpectations {
  type: ExchangeType;
  agreementId: string;
  /** This deployment's id: the envelope must be addressed to it. */
  me: string;
  /** The partner's public key (hex) as registered in the agreement. */
  partnerPublicKeyHex: string;
  now: Date;
  /** How old an envelope may be: minutes between servers, days for a file carried by hand. */
  maxAgeMs: number;
  /** Tolerated clock difference for an envelope dated in the future. */
  maxSkewMs?: number;
}

export type OpenResult = { ok: true; envelope: Envelope } | { ok: false; reason: string; field: string };

/**
 * Checks an envelope received from a partner: well-formed, signed by the partner's key over
 * every field, of the expected type, under the expected agreement, addressed to us, and fresh.
 * Replay (a nonce seen before) is the receiver's check against its own log.
 */
export function openEnvelope(input: unknown, x: OpenExpectations): OpenResult {
  const refused = versionRefusal(input);
  if (refused) return refused;
  const parsed = Envelope.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `not an exchange file of version ${EXCHANGE_VERSION}: ${issue?.message ?? 'invalid'}`,
      field: issue?.path.join('.') || 'format',
    };
  }
  const e = parsed.data;
  const { signature, ...unsigned } = e;
  let valid = false;
  try {
    valid = ed25519.verify(hexToBytes(signature), signedBytes(unsigned), hexToBytes(x.partnerPublicKeyHex));
  } catch {
    valid = false;
  }
  if (!valid)
    return {
      ok: false,
      reason: "the signature does not match the partner's key: the file was altered or comes from someone else",
      field: 'signature',
    };
  if (e.agreementId !== x.agreementId)
    return { ok: false, reason: 'sent under another agreement', field: 'agreementId' };
  if (e.sender !== deploymentIdOf(x.partnerPublicKeyHex))
    return { ok: false, reason: 'the sender is not the partner of this agreement', field: 'sender' };
  if (e.recipient !== x.me) return { ok: false, reason: 'addressed to another deployment', field: 'recipient' };
  if (e.type !== x.type) return { ok: false, reason: `expected a ${x.type}, got a ${e.type}`, field: 'type' };
  const at = Date.parse(e.createdAt);
  const age = x.now.getTime() - at;
  if (age > x.maxAgeMs) return { ok: false, reason: 'too old: ask the partner for a fresh one', field: 'createdAt' };
  if (-age > (x.maxSkewMs ?? 5 * 60_000)) return { ok: false, reason: 'dated in the future', field: 'createdAt' };
  return { ok: true, envelope: e };
}

/** A file of the exchange format but of another protocol version: refused, naming both versions. */
function versionRefusal(input: unknown): OpenResult | null {
  if (!input || typeof input !== 'object') return null;
  const { format, version } = input as { format?: unknown; version?: unknown };
  if (format !== EXCHANGE_FORMAT || typeof version !== 'number' || version === EXCHANGE_VERSION) return null;
  const upgrade =
    version < EXCHANGE_VERSION
      ? 'the partner needs to upgrade before the two deployments can exchange'
      : 'this deployment needs to upgrade before the two deployments can exchange';
  return {
    ok: false,
    reason: `the partner's file is of exchange protocol ${versionName(version)}; this deployment speaks ${versionName(
      EXCHANGE_VERSION,
    )} only: ${upgrade}`,
    field: 'version',
  };
}
