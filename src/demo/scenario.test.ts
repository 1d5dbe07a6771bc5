import { describe, expect, it } from 'vitest';
import { isValidIBAN } from 'ibantools';
import { prepareEntity } from '../domain/entity/prepare.ts';
import { P, S } from './constants.ts';
import { CONFOUNDER_KINDS, DUPLICATE_VARIANTS, groundTruthSchema, ILO_INDICATORS } from './groundTruth.ts';
import { ibanChecksumValid } from './identifiers.ts';
import { generateScenario, type Scenario } from './scenario.ts';
import {
  cellOf,
  delphiPresumedVictim,
  factsByPerson,
  referenceProblems,
  transactionProblems,
  truthProblems,
} from './scenarioChecks.ts';

const small = generateScenario({ seed: 42, scale: 1 });
const medium = generateScenario({ seed: 7, scale: 4 });

const cases: [string, Scenario][] = [
  ['scale 1', small],
  ['scale 4', medium],
];

describe.each(cases)('scenario at %s', (_label, s) => {
  const gt = s.groundTruth;
  const byId = new Map(s.entities.map((e) => [e.id, e]));
  const victims = gt.persons.filter(
    (p) => (p.proceduralStatus === 'victim' || p.proceduralStatus === 'presumedVictim') && !p.isDuplicateOf,
  );

  it('has a ground truth that validates against its schema', () => {
    const parsed = groundTruthSchema.safeParse(gt);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
  });

  it('writes entities the domain model accepts, selectors (phones, IBANs, e-mails) included', () => {
    const rejected: string[] = [];
    for (const e of s.entities) {
      try {
        prepareEntity(e, { defaultCountry: 'FI', strictSelectors: true });
      } catch (err) {
        if (rejected.length < 5)
          rejected.push(`${e.id} ${e.schema}: ${(err as Error).message} ${(err as { path?: string }).path ?? ''}`);
      }
    }
    expect(rejected).toEqual([]);
  });

  it('keeps every entity reference pointing at an entity of the right schema defined before it', () => {
    expect(referenceProblems(s.entities)).toEqual([]);
  });

  it('books statement lines on known accounts, both sides of every transfer', () => {
    expect(transactionProblems(s.entities, s.transactions)).toEqual([]);
  });

  it('ties every ground-truth id, evidence line and ledger entry to the data', () => {
    expect(truthProblems(s)).toEqual([]);
  });

  it('writes only valid IBANs', () => {
    const ibans = s.entities.filter((e) => e.schema === S.BankAccount).map((e) => e.properties[P.iban]?.[0] ?? '');
    expect(ibans.length).toBeGreaterThan(50);
    for (const iban of ibans) {
      expect(ibanChecksumValid(iban), iban).toBe(true);
      expect(isValidIBAN(iban), iban).toBe(true);
    }
    const counterparties = s.transactions
      .map((t) => t.counterpartyAccount)
      .filter((x): x is string => typeof x === 'string');
    for (const iban of new Set(counterparties)) expect(isValidIBAN(iban), iban).toBe(true);
  });

  it('plants every confounder kind and every duplicate variant in every cell', () => {
    for (let cell = 0; cell < gt.scale; cell++) {
      const kinds = new Set(gt.confounders.filter((c) => cellOf(c.entityIds[0] ?? '') === cell).map((c) => c.kind));
      expect([...kinds].sort()).toEqual([...CONFOUNDER_KINDS].sort());
      const variants = new Set(gt.duplicates.filter((d) => cellOf(d.duplicateId) === cell).map((d) => d.variant));
      expect([...variants].sort()).toEqual([...DUPLICATE_VARIANTS].sort());
    }
  });

  it('makes each duplicate differ from its original the way its variant says', () => {
    for (const d of gt.duplicates) {
      const a = byId.get(d.canonicalId)?.properties ?? {};
      const b = byId.get(d.duplicateId)?.properties ?? {};
      const nameA = a[P.name]?.[0];
      const nameB = b[P.name]?.[0];
      switch (d.variant) {
        case 'typo':
        case 'transliteration':
          expect(nameB).not.toEqual(nameA);
          expect(b[P.birthDate]).toEqual(a[P.birthDate]);
          break;
        case 'swappedOrder':
          expect(b[P.firstName]).toEqual(a[P.lastName]);
          expect(b[P.lastName]).toEqual(a[P.firstName]);
          break;
        case 'missingBirthDate':
          expect(nameB).toEqual(nameA);
          expect(b[P.birthDate]).toBeUndefined();
          break;
        case 'secondImport':
          expect(nameB).toEqual(nameA);
          expect(b[P.birthDate]).toEqual(a[P.birthDate]);
          expect(b[P.idNumber] ?? b[P.passportNumber]).toEqual(a[P.idNumber] ?? a[P.passportNumber]);
          break;
        case 'fuzzyWeak':
        case 'crossScript': {
          expect(nameB).not.toEqual(nameA);
          // No strong identifier in common, and at most one weak attribute.
          for (const prop of [P.phone, P.email, P.idNumber, P.passportNumber]) expect(b[prop]).toBeUndefined();
          const weak = [b[P.birthDate], b[P.addressEntity]].filter((x) => x !== undefined);
          expect(weak.length).toBeLessThanOrEqual(1);
          if (d.variant === 'crossScript')
            expect(/\p{Script=Cyrillic}/u.test(nameB ?? '')).not.toBe(/\p{Script=Cyrillic}/u.test(nameA ?? ''));
          break;
        }
      }
    }
    // At least one transliteration keeps the Cyrillic or an older romanisation of a Ukrainian name.
    expect(gt.duplicates.filter((d) => d.variant === 'transliteration').length).toBeGreaterThanOrEqual(gt.scale);
  });

  it('gives each victim at least three ILO indicators, each with evidence, and a positive Delphi assessment', () => {
    const facts = factsByPerson(gt);
    expect(victims.length).toBeGreaterThanOrEqual(9 * gt.scale);
    for (const v of victims) {
      const own = facts.get(v.id) ?? [];
      const ilo = new Set(own.filter((f) => f.catalogue === 'ILO').map((f) => f.indicator));
      expect(ilo.size, v.id).toBeGreaterThanOrEqual(3);
      for (const i of ilo) expect(ILO_INDICATORS).toContain(i);
      expect(delphiPresumedVictim(own), v.id).toBe(true);
    }
  });

  it('gives non-victims at most two indicators and never a positive Delphi assessment', () => {
    const facts = factsByPerson(gt);
    const status = new Map(gt.persons.map((p) => [p.id, p.proceduralStatus]));
    const nonVictimsWithFacts = [...facts.keys()].filter(
      (id) => status.get(id) !== 'victim' && status.get(id) !== 'presumedVictim',
    );
    const flagged = new Set(
      gt.confounders.filter((c) => c.kind === 'nonVictimWithIndicators').flatMap((c) => c.entityIds),
    );
    expect(new Set(nonVictimsWithFacts)).toEqual(flagged);
    for (const id of nonVictimsWithFacts) {
      const own = facts.get(id) ?? [];
      const distinct = new Set(own.map((f) => `${f.catalogue}:${f.indicator}`));
      expect(distinct.size).toBeGreaterThanOrEqual(1);
      expect(distinct.size).toBeLessThanOrEqual(2);
      expect(delphiPresumedVictim(own)).toBe(false);
    }
  });

  it('records proceeds taken from every victim', () => {
    const taken = new Map<string, number>();
    for (const p of gt.proceeds) taken.set(p.victimId, (taken.get(p.victimId) ?? 0) + p.amountMinor);
    for (const v of victims) expect(taken.get(v.id) ?? 0, v.id).toBeGreaterThan(0);
    const kinds = new Set(gt.proceeds.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['deduction', 'recruitmentFee', 'sexualServices', 'wageKickback']);
  });

  it('captures every ad, with near-identical photos within a victim and different ones across victims', () => {
    const ads = s.entities.filter((e) => e.schema === S.OnlineAd);
    expect(new Set(s.captures.map((c) => c.adId))).toEqual(new Set(ads.map((a) => a.id)));
    const photo = new Map(
      s.captures.map((c) => [
        c.adId,
        Buffer.from(/base64,([^"]+)"/.exec(c.html)?.[1] ?? '', 'base64').toString('utf8'),
      ]),
    );
    const groups = gt.adPhotoGroups;
    for (const g of groups) {
      const [first, ...rest] = g.adIds.map((id) => photo.get(id) ?? '');
      for (const other of rest) {
        expect(other).not.toEqual(first);
        expect(Math.abs(other.length - (first ?? '').length)).toBeLessThan(80);
        expect(
          other
            .replace(/<rect x="\d+" y="\d+" width="1" height="1" fill="#[0-9a-f]+"\/>/, '')
            .replace('translate(1 0)', 'translate(0 0)'),
        ).toEqual(first);
      }
    }
    // Across victims the base photos differ.
    const bases = new Set(groups.map((g) => photo.get(g.adIds[0] ?? '')));
    expect(bases.size).toBe(groups.length);
    // Ads of different victims share a phone number.
    const digits = (x: string) => x.replace(/\D/g, '').replace(/^00/, '').slice(-8);
    const victimsByPhone = new Map<string, Set<string>>();
    for (const g of groups)
      for (const id of g.adIds)
        for (const ph of byId.get(id)?.properties[P.phone] ?? [])
          victimsByPhone.set(digits(ph), (victimsByPhone.get(digits(ph)) ?? new Set()).add(g.victimId));
    expect([...victimsByPhone.values()].some((v) => v.size >= 2)).toBe(true);
  });

  it('builds the chain main contractor → subcontractor → letterbox, and a phoenix sharing its address', () => {
    const subcontracts = s.entities
      .filter((e) => e.schema === S.Subcontract)
      .map((e) => `${e.properties[P.contractor]?.[0]}>${e.properties[P.subcontractor]?.[0]}`);
    for (const chain of gt.subcontractingChains) {
      for (let i = 1; i < chain.companyIds.length; i++)
        expect(subcontracts).toContain(`${chain.companyIds[i - 1]}>${chain.companyIds[i]}`);
      expect(byId.get(chain.companyIds[0] ?? '')?.properties[P.jurisdiction]).toEqual(['fi']);
      expect(byId.get(chain.companyIds[2] ?? '')?.properties[P.jurisdiction]?.[0]).toMatch(/^(lv|ee)$/);
    }
    for (const pair of gt.phoenixPairs) {
      const pred = byId.get(pair.predecessorId)?.properties ?? {};
      const succ = byId.get(pair.successorId)?.properties ?? {};
      expect(pred[P.dissolutionDate]).toEqual([pair.date]);
      expect((succ[P.incorporationDate]?.[0] ?? '') < pair.date).toBe(true);
      expect(succ[P.addressEntity]).toEqual(pred[P.addressEntity]);
    }
    expect(gt.phoenixPairs.length).toBe(gt.scale);
  });

  it('does not leak the ground truth into the entities', () => {
    expect(s.entities.some((e) => e.properties[P.crimeScriptFunctions] !== undefined)).toBe(false);
    const withStatus = s.entities.filter((e) => e.properties[P.proceduralStatus] !== undefined);
    expect(withStatus.length).toBeLessThanOrEqual(4 * gt.scale);
  });

  it('keeps the scale-1 demo case small', () => {
    if (gt.scale !== 1) return;
    expect(s.counts.persons).toBeGreaterThanOrEqual(60);
    // Five of each look-alike confounder and at least 40 background residents per cell (issue 17).
    expect(s.counts.persons).toBeLessThanOrEqual(250);
    expect(s.counts.transactions).toBeGreaterThanOrEqual(2000);
    expect(s.counts.transactions).toBeLessThan(12_000);
  });
});
