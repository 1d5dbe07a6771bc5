/**
 * Cooperation agreements with partner deployments (administrators register them: the partner's
 * public signing key, selector kinds, rate limit, contact points), and this deployment's own
 * signing identity (key file in ELECT_KEY_DIR, see store/cooperationKey.ts).
 */
import { deploymentIdOf } from '../../domain/hits/exchange.ts';
import type { SigningIdentity } from '../../domain/hits/exchange.ts';
import { AgreementInput } from '../../shared/contracts/cooperation.ts';
import type { Agreement, AgreementOut, ContactPoint } from '../../shared/contracts/cooperation.ts';
import { errors } from '../../shared/errors.ts';
import { loadCooperationIdentity, recordIdentity } from '../../store/cooperationKey.ts';
import { keyRing } from '../../store/keys.ts';
import {
  getAgreement,
  insertAgreement,
  listAgreementRows,
  setAgreementStatus,
} from '../../store/repos/cooperation/agreements.ts';
import type { AgreementRow } from '../../store/repos/cooperation/agreements.ts';
import type { Store } from '../../store/store.ts';
import { globalUseCase } from '../useCase/index.ts';

export type { AgreementRow };

const identities = new WeakMap<Store, SigningIdentity>();

/** Sets the signing identity a store's deployment uses (tests run two deployments in one process). */
export function useCooperationIdentity(store: Store, identity: SigningIdentity): void {
  identities.set(store, identity);
}

export async function cooperationIdentity(store: Store): Promise<SigningIdentity> {
  let me = identities.get(store);
  if (!me) {
    // The same key folder as the audit signing key (the CLI and server point it at ELECT_KEY_DIR).
    me = loadCooperationIdentity(keyRing().dir || undefined);
    identities.set(store, me);
  }
  await recordIdentity(store, me);
  return me;
}

/** This deployment's id and public key, for partners to register (administrators). */
export const deploymentIdentity = globalUseCase({
  permission: 'cooperation:manage',
  audit: { action: 'consultation', target: 'cooperationIdentity' },
  run: async ({ store }) => {
    const me = await cooperationIdentity(store);
    return { deploymentId: me.deploymentId, publicKey: me.publicKeyHex };
  },
});

const parseList = <T>(text: string): T[] => {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
};

export function agreementOf(row: AgreementRow): Agreement {
  return {
    id: row.id,
    name: row.name,
    partnerName: row.partner_name,
    partnerCountry: row.partner_country,
    partnerPublicKey: row.partner_public_key,
    ...(row.partner_url ? { partnerUrl: row.partner_url } : {}),
    selectorTypes: parseList<Agreement['selectorTypes'][number]>(row.selector_types),
    rateLimit: { queries: row.rate_queries, periodHours: row.rate_period_hours },
    maxSelectorsPerQuery: row.max_selectors,
    contactPoints: parseList<ContactPoint>(row.contact_points),
    ...(row.valid_until ? { validUntil: row.valid_until } : {}),
  };
}

export const presentAgreement = (row: AgreementRow): AgreementOut => ({
  id: row.id,
  name: row.name,
  partnerName: row.partner_name,
  partnerCountry: row.partner_country,
  partnerDeploymentId: row.partner_deployment_id,
  partnerPublicKey: row.partner_public_key,
  partnerUrl: row.partner_url,
  selectorTypes: parseList<string>(row.selector_types),
  rateLimit: { queries: row.rate_queries, periodHours: row.rate_period_hours },
  maxSelectorsPerQuery: row.max_selectors,
  contactPoints: parseList<ContactPoint>(row.contact_points),
  validUntil: row.valid_until,
  status: row.status,
  createdAt: row.created_at,
});

/** Registers an agreement with a partner deployment (administrators). */
export const addAgreement = globalUseCase({
  permission: 'cooperation:manage',
  audit: { action: 'permission', target: 'agreement' },
  run: async ({ store, actor, audit }, raw: unknown): Promise<AgreementOut> => {
    const parsed = AgreementInput.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw errors.validation(issue?.message ?? 'invalid agreement', issue?.path.join('.') || undefined);
    }
    const a = parsed.data;
    const me = await cooperationIdentity(store);
    if (a.partnerPublicKey === me.publicKeyHex)
      throw errors.validation("That is this deployment's own key, not the partner's", 'partnerPublicKey');
    if (await getAgreement(store.db, a.id)) throw errors.conflict(`Agreement ${a.id} already exists`, 'id');
    const now = new Date().toISOString();
    const row: AgreementRow = {
      id: a.id,
      name: a.name,
      partner_name: a.partnerName,
      partner_country: a.partnerCountry,
      partner_public_key: a.partnerPublicKey,
      partner_deployment_id: deploymentIdOf(a.partnerPublicKey),
      partner_url: a.partnerUrl ? a.partnerUrl.replace(/\/+$/, '') : null,
      selector_types: JSON.stringify([...new Set(a.selectorTypes)]),
      rate_queries: a.rateLimit.queries,
      rate_period_hours: a.rateLimit.periodHours,
      max_selectors: a.maxSelectorsPerQuery,
      contact_points: JSON.stringify(a.contactPoints),
      valid_until: a.validUntil ?? null,
      status: 'active',
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    };
    await insertAgreement(store.db, row);
    audit.target(a.id);
    audit.detail({ agreementId: a.id });
    return presentAgreement(row);
  },
});

export async function listAgreements(store: Store): Promise<AgreementRow[]> {
  return listAgreementRows(store.db);
}

/** The agreements, for every signed-in user (partners, kinds, limits, contact points). */
export const agreementList = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'agreements' },
  run: async ({ store, audit }): Promise<{ agreements: AgreementOut[] }> => {
    const agreements = (await listAgreements(store)).map(presentAgreement);
    audit.detail({ count: agreements.length });
    return { agreements };
  },
});

export async function getAgreementRow(store: Store, id: string): Promise<AgreementRow | undefined> {
  return getAgreement(store.db, id);
}

export async function requireAgreement(store: Store, id: string): Promise<AgreementRow> {
  const row = await getAgreementRow(store, id);
  if (!row) throw errors.notFound('Agreement');
  return row;
}

/** Revokes an agreement: no more queries are sent or answered under it (administrators). */
export const revokeAgreement = globalUseCase({
  permission: 'cooperation:manage',
  audit: { action: 'permission', target: 'agreement', targetOf: (i: { agreementId: string }) => i.agreementId },
  run: async ({ store, audit }, { agreementId }: { agreementId: string }): Promise<AgreementOut> => {
    const row = await requireAgreement(store, agreementId);
    const now = new Date().toISOString();
    await setAgreementStatus(store.db, agreementId, 'revoked', now);
    audit.detail({ agreementId, status: 'revoked' });
    return presentAgreement({ ...row, status: 'revoked', updated_at: now });
  },
});
