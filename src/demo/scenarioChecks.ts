/**
 * Consistency checks over a generated scenario, shared by the tests (and usable by importers'
 * tests): each returns a list of problems, empty when all is well, so a failing test names
 * exactly what is wrong.
 */
import type { EntityRecord, TransactionRecord } from '../domain/records.ts';
import { isA, propertiesOf } from '../domain/schema/index.ts';
import { P, S } from './constants.ts';
import { idsInRange, type DelphiDimension, type GroundTruth, type IndicatorFact } from './groundTruth.ts';
import { ibanChecksumValid } from './identifiers.ts';
import type { Scenario } from './scenario.ts';

/**
 * Every entity reference (an `entity`-typed property in the domain schema) points at an entity
 * of the property's range that came earlier in the stream; ids are unique.
 */
export function referenceProblems(entities: readonly EntityRecord[]): string[] {
  const schemaOf = new Map<string, string>();
  const problems: string[] = [];
  for (const e of entities) {
    if (schemaOf.has(e.id)) problems.push(`duplicate id ${e.id}`);
    const defs = propertiesOf(e.schema);
    for (const [prop, values] of Object.entries(e.properties)) {
      const def = defs[prop];
      if (def?.type !== 'entity') continue;
      for (const ref of values) {
        const target = schemaOf.get(ref);
        if (target === undefined) problems.push(`${e.id}.${prop} → ${ref} not (yet) defined`);
        else if (def.range !== undefined && !isA(target, def.range))
          problems.push(`${e.id}.${prop} → ${ref} is a ${target}, not a ${def.range}`);
      }
    }
    schemaOf.set(e.id, e.schema);
  }
  return problems;
}

/** Statement lines: accounts exist, references unique, amounts integer, transfers booked on both sides. */
export function transactionProblems(
  entities: readonly EntityRecord[],
  transactions: readonly TransactionRecord[],
): string[] {
  const accounts = new Map(entities.filter((e) => e.schema === S.BankAccount).map((e) => [e.id, e]));
  const problems: string[] = [];
  const refs = new Set<string>();
  const legs = new Map<string, number>();
  const key = (a: string, b: string, amount: number, text: string | null | undefined) =>
    `${a}|${b}|${amount}|${text ?? ''}`;
  for (const t of transactions) {
    const acc = accounts.get(t.accountId);
    if (!acc) problems.push(`line ${t.reference}: unknown account ${t.accountId}`);
    else if (acc.properties[P.currency]?.[0] !== t.currency)
      problems.push(`line ${t.reference}: currency ${t.currency} on a ${acc.properties[P.currency]?.[0]} account`);
    if (!t.reference || refs.has(t.reference)) problems.push(`line reference missing or repeated: ${t.reference}`);
    if (t.reference) refs.add(t.reference);
    if (!Number.isSafeInteger(t.amountMinor) || t.amountMinor === 0)
      problems.push(`line ${t.reference}: amount ${t.amountMinor}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(t.bookingDate) || Number.isNaN(Date.parse(t.bookingDate)))
      problems.push(`line ${t.reference}: date ${t.bookingDate}`);
    if (
      t.counterpartyAccount &&
      /^[A-Z]{2}\d{2}/.test(t.counterpartyAccount) &&
      !ibanChecksumValid(t.counterpartyAccount)
    )
      problems.push(`line ${t.reference}: bad counterparty IBAN`);
    if (t.counterpartyAccountId) {
      const cp = accounts.get(t.counterpartyAccountId);
      if (!cp) problems.push(`line ${t.reference}: unknown counterparty account ${t.counterpartyAccountId}`);
      else if (cp.properties[P.iban]?.[0] !== t.counterpartyAccount)
        problems.push(`line ${t.reference}: counterparty IBAN differs from the account's`);
      const k = key(t.accountId, t.counterpartyAccountId, t.amountMinor, t.text);
      const mirror = key(t.counterpartyAccountId, t.accountId, -t.amountMinor, t.text);
      const open = legs.get(mirror) ?? 0;
      if (open > 0) legs.set(mirror, open - 1);
      else legs.set(k, (legs.get(k) ?? 0) + 1);
    }
  }
  for (const [k, n] of legs) if (n > 0) problems.push(`transfer without its other side: ${k}`);
  return problems;
}

/**
 * Every ground-truth id names an entity of the right schema; every person, company, account and address has a truth.
 */
export function truthProblems(s: Scenario): string[] {
  const gt = s.groundTruth;
  const byId = new Map(s.entities.map((e) => [e.id, e]));
  const refs = new Set(s.transactions.map((t) => t.reference ?? ''));
  const problems: string[] = [];
  const expect = (id: string, schema: string | null, what: string) => {
    const e = byId.get(id);
    if (!e) problems.push(`${what}: ${id} is not an entity`);
    else if (schema !== null && e.schema !== schema) problems.push(`${what}: ${id} is a ${e.schema}, not a ${schema}`);
  };
  const covered = new Map<string, Set<string>>([
    [S.Person, new Set()],
    [S.Company, new Set()],
    [S.BankAccount, new Set()],
    [S.Address, new Set()],
  ]);
  const cover = (schema: string, id: string) => covered.get(schema)?.add(id);
  for (const p of gt.persons) {
    expect(p.id, S.Person, 'person');
    cover(S.Person, p.id);
  }
  for (const c of gt.companies) {
    expect(c.id, S.Company, 'company');
    cover(S.Company, c.id);
  }
  for (const a of gt.accounts) {
    expect(a.id, S.BankAccount, 'account');
    expect(a.holderId, null, 'holder');
    cover(S.BankAccount, a.id);
  }
  for (const a of gt.addresses) {
    expect(a.id, S.Address, 'address');
    cover(S.Address, a.id);
  }
  for (const b of gt.background) {
    for (const id of idsInRange(b.persons)) {
      expect(id, S.Person, 'background person');
      cover(S.Person, id);
    }
    for (const id of idsInRange(b.accounts)) {
      expect(id, S.BankAccount, 'background account');
      cover(S.BankAccount, id);
    }
    for (const id of idsInRange(b.addresses)) {
      expect(id, S.Address, 'background address');
      cover(S.Address, id);
    }
  }
  for (const e of s.entities) {
    const set = covered.get(e.schema);
    if (set && !set.has(e.id)) problems.push(`${e.schema} ${e.id} has no ground truth`);
  }
  // Holder = owner in the account's Ownership link.
  const owners = new Map<string, string>();
  for (const e of s.entities)
    if (e.schema === S.Ownership) owners.set(e.properties[P.asset]?.[0] ?? '', e.properties[P.owner]?.[0] ?? '');
  for (const a of gt.accounts)
    if (owners.get(a.id) !== a.holderId) problems.push(`account ${a.id}: holder ${a.holderId} is not its owner`);
  for (const f of gt.indicatorFacts) {
    expect(f.personId, S.Person, 'indicator fact');
    for (const id of f.evidence.entityIds) expect(id, null, 'evidence');
    for (const r of f.evidence.transactionRefs) if (!refs.has(r)) problems.push(`evidence line ${r} missing`);
  }
  const lines = new Map(s.transactions.map((t) => [t.reference ?? '', t]));
  for (const p of gt.proceeds) {
    expect(p.victimId, S.Person, 'proceeds victim');
    expect(p.beneficiaryId, null, 'proceeds beneficiary');
    if (p.transactionRef !== undefined) {
      const t = lines.get(p.transactionRef);
      if (!t) problems.push(`proceeds line ${p.transactionRef} missing`);
      else if (Math.abs(t.amountMinor) !== p.amountMinor)
        problems.push(`proceeds ${p.transactionRef}: ledger ${p.amountMinor} ≠ line ${t.amountMinor}`);
    }
  }
  for (const c of gt.confounders) for (const id of c.entityIds) expect(id, null, `confounder ${c.kind}`);
  for (const d of gt.duplicates) {
    expect(d.canonicalId, S.Person, 'canonical');
    expect(d.duplicateId, S.Person, 'duplicate');
  }
  for (const g of gt.adPhotoGroups) for (const id of g.adIds) expect(id, S.OnlineAd, 'ad photo group');
  for (const c of gt.subcontractingChains) for (const id of c.companyIds) expect(id, S.Company, 'chain');
  for (const p of gt.phoenixPairs) {
    expect(p.predecessorId, S.Company, 'phoenix');
    expect(p.successorId, S.Company, 'phoenix');
  }
  return problems;
}

/** Delphi rule for one dimension: 2 strong, or 1 strong + 1 medium/weak, or 3 medium, or 2 medium + 1 weak. */
export function delphiDimensionPositive(facts: readonly IndicatorFact[], dimension: DelphiDimension): boolean {
  let s = 0;
  let m = 0;
  let w = 0;
  for (const f of facts) {
    if (f.catalogue !== 'Delphi' || f.indicator !== dimension) continue;
    if (f.strength === 'strong') s++;
    else if (f.strength === 'medium') m++;
    else w++;
  }
  return s >= 2 || (s >= 1 && m + w >= 1) || m >= 3 || (m >= 2 && w >= 1);
}

/** Presumed victim under the Delphi rule: recruitment (1, 2 or 3) and exploitation (4) and coercion (5 or 6). */
export function delphiPresumedVictim(facts: readonly IndicatorFact[]): boolean {
  const pos = (d: DelphiDimension) => delphiDimensionPositive(facts, d);
  return (
    (pos('deceptiveRecruitment') || pos('coerciveRecruitment') || pos('recruitmentByAbuseOfVulnerability')) &&
    pos('exploitativeConditions') &&
    (pos('coercionAtDestination') || pos('abuseOfVulnerabilityAtDestination'))
  );
}

/** Facts grouped by person. */
export function factsByPerson(gt: GroundTruth): Map<string, IndicatorFact[]> {
  const out = new Map<string, IndicatorFact[]>();
  for (const f of gt.indicatorFacts) {
    const list = out.get(f.personId);
    if (list) list.push(f);
    else out.set(f.personId, [f]);
  }
  return out;
}

/** Cell index of a scenario id (`demo-<seed>-c<cell>-…`). */
export function cellOf(id: string): number {
  const m = /^demo-\d+-c(\d+)-/.exec(id);
  if (!m) throw new Error(`not a scenario id: ${id}`);
  return Number(m[1]);
}
