/**
 * How the report names what findings, the estimate and the chain of custody refer to by id: an
 * account by its IBAN and holders, a person by name — or, for a victim the reader may not
 * identify, by pseudonym (an account of theirs as "Bank account V-…", so no IBAN identifies
 * them) — and a user by user name. Ids stay in the audit appendix only.
 */
import { pseudonymOf } from '../../domain/access/victims.ts';
import type { ReportLanguage } from '../../domain/prosecution/report.ts';
import type { Properties } from '../../domain/schema/types.ts';
import type { RegisterOut } from '../../shared/contracts/prosecution.ts';
import { getAgency } from '../../store/repos/access/agencies.ts';
import { getUser } from '../../store/repos/access/users.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/index.ts';
import { captionFor, hiddenVictim, type Visibility } from '../access/index.ts';
import { reportWords } from './reportWords.ts';

interface Row {
  id: string;
  schema: string;
  caption: string;
  properties: string;
}

export interface ReaderNames {
  map: Map<string, string>;
  get(id: string): string | undefined;
  /** Accounts of victims the reader may not identify (named by the holder's pseudonym). */
  hiddenAccounts: Set<string>;
}

export function readerNames(
  rows: readonly Row[],
  v: Visibility,
  hide: ReadonlySet<string>,
  language: ReportLanguage,
): ReaderNames {
  const words = reportWords(language);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hiddenPerson = (id: string) => {
    const r = byId.get(id);
    return hide.has(id) || (!!r && hiddenVictim(v, r));
  };
  const personName = (id: string) => (hiddenPerson(id) ? pseudonymOf(id) : (byId.get(id)?.caption ?? ''));
  const holders = new Map<string, string[]>();
  for (const r of rows) {
    if (r.schema !== 'Ownership') continue;
    const p = JSON.parse(r.properties) as Properties;
    for (const asset of p['asset'] ?? [])
      holders.set(asset, [...(holders.get(asset) ?? []), ...(p['owner'] ?? []).filter((o) => byId.has(o))]);
  }
  const map = new Map<string, string>();
  const hiddenAccounts = new Set<string>();
  for (const r of rows) {
    if (r.schema === 'BankAccount') {
      const who = holders.get(r.id) ?? [];
      const hiddenHolder = who.find(hiddenPerson);
      if (hiddenHolder || v.protection.pseudonymous.has(r.id)) {
        hiddenAccounts.add(r.id);
        map.set(r.id, `${words.schema('BankAccount')} ${pseudonymOf(hiddenHolder ?? v.protection.personOf.get(r.id) ?? r.id)}`);
      } else map.set(r.id, who.length ? `${r.caption} (${who.map(personName).join(', ')})` : r.caption);
    } else if (r.schema === 'Person') map.set(r.id, personName(r.id));
    else map.set(r.id, captionFor(v, r));
  }
  return { map, get: (id) => map.get(id), hiddenAccounts };
}

/** "user (agency)" for the report's footer. */
export async function exporter(store: Store, actor: Actor): Promise<string> {
  const agency = actor.agencyId ? await getAgency(store.db, actor.agencyId) : undefined;
  return `${actor.username}${agency ? ` (${agency.name})` : ''}`;
}

/** The user names of everyone in the register's chains of custody. */
export async function custodyUsers(store: Store, register: RegisterOut | null): Promise<Map<string, string>> {
  const ids = new Set((register?.items ?? []).flatMap((i) => i.custody.map((c) => c.userId)));
  const out = new Map<string, string>();
  for (const id of ids) out.set(id, (await getUser(store.db, id))?.username ?? '');
  return out;
}
