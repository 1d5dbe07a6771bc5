/**
 * The failures of a case imported as its files came (issue 18), on small samples written here:
 * the same company from three imports, a statement holder and the KYC person, a KYC account and a
 * statement account with one IBAN, a register owner who is a natural person, conflicts raised and
 * not merged, re-import after joins, and two import orders giving one case — on both databases.
 */
import { expect } from 'vitest';
import { strongKeys } from '../../domain/assembly/index.ts';
import { nameTokens } from '../../domain/selectors/index.ts';
import type { Properties } from '../../domain/schema/types.ts';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { testActor } from '../../../test/support/api.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/actor.ts';
import { resolveCaseAccess } from '../access/policy.ts';
import { createCase } from '../cases/cases.ts';
import { listEntities } from '../../store/repos/entities/entities.ts';
import { historyOf } from '../../store/repos/entities/entities.ts';
import { openConflicts } from '../../store/repos/assembly/assembly.ts';
import { resolutionCandidates, undoMerge } from '../resolution/index.ts';
import { importSample, MARI_IBAN, PEETER_IBAN, type SampleName } from './samples.testing.ts';

interface Seen {
  id: string;
  schema: string;
  props: Properties;
}

async function entities(store: Store, caseId: string): Promise<Seen[]> {
  const rows = await listEntities(store.scope(caseId), { limit: 10_000 });
  return rows.map((r) => ({ id: r.id, schema: r.schema, props: JSON.parse(r.properties) as Properties }));
}

const named = (es: Seen[], schema: string, name: string) =>
  es.filter((e) => e.schema === schema && (e.props.name ?? []).some((n) => n.toLowerCase() === name.toLowerCase()));

/** A case described without ids: entities by schema, names and strong keys; links by their ends' descriptions. */
function describeCase(es: Seen[]): { entities: string[]; links: string[] } {
  const label = new Map<string, string>();
  for (const e of es) {
    const names = [...new Set((e.props.name ?? []).map((n) => nameTokens(n).sort().join(' ')))].sort();
    const keys = strongKeys({ id: e.id, schema: e.schema, properties: e.props }, 'ee').map((k) => k.key);
    label.set(e.id, `${e.schema}[${names.join('|')}][${keys.sort().join('|')}]`);
  }
  const links = es
    .filter((e) => ['Ownership', 'Directorship'].includes(e.schema))
    .map((e) => {
      const [from, to] = e.schema === 'Ownership' ? ['owner', 'asset'] : ['director', 'organization'];
      return `${label.get(e.props[from]?.[0] ?? '')} -${e.schema}-> ${label.get(e.props[to]?.[0] ?? '')}`;
    });
  const parties = es.filter((e) => !['Ownership', 'Directorship'].includes(e.schema)).map((e) => label.get(e.id) ?? '');
  return { entities: parties.sort(), links: [...new Set(links)].sort() };
}

describeEachDialect('assembly on import', ({ store }) => {
  let actor: Actor;
  const newCase = async (title: string) => (await createCase(store(), actor, { title, country: 'EE' })).id;
  const importAll = async (caseId: string, order: SampleName[]) => {
    for (const name of order) await importSample(store(), actor, caseId, name);
  };
  beforeAllWithStore(store, async (s) => {
    actor = await testActor(s, 'assembler', 'investigator');
  });

  itDb('joins the company, the holder, the accounts across imports and schemata; raises conflicts', async () => {
    const caseId = await newCase('Assembly');
    await importAll(caseId, ['register', 'kyc', 'statement', 'police']);
    const es = await entities(store(), caseId);
    // The same company from the register, the KYC list and the statement (a counterparty holder): one Company.
    const alfa = es.filter((e) => (e.props.name ?? []).some((n) => /alfa ehitus/i.test(n)));
    expect(alfa.map((e) => e.schema)).toEqual(['Company']);
    expect(alfa[0]?.props.registrationNumber).toEqual(['12345678']);
    // The statement's holder "MARI MAASIKAS" is the KYC and police Person.
    const mari = es.filter((e) => (e.props.name ?? []).some((n) => /^(mari maasikas|maasikas mari)$/i.test(n)));
    expect(mari.map((e) => e.schema).sort()).toEqual(['Person', 'Person']); // the KYC/police person; the register owner
    const kycMari = mari.find((e) => e.props.passportNumber);
    expect(kycMari?.props.birthDate).toEqual(['1985-05-05']);
    expect(kycMari?.props.name?.map((n) => n.toUpperCase()).sort()).toContain('MARI MAASIKAS');
    // One account per IBAN, KYC and statement alike; it is the one the statement lines name.
    const accounts = es.filter((e) => e.schema === 'BankAccount');
    expect(accounts.filter((a) => a.props.iban?.includes(MARI_IBAN))).toHaveLength(1);
    expect(accounts.filter((a) => a.props.iban?.includes(PEETER_IBAN))).toHaveLength(1);
    // The register owner "füüsiline isik" is a Person, "juriidiline isik" a LegalEntity.
    expect(named(es, 'Person', 'Mari Maasikas').length).toBeGreaterThan(0);
    expect(named(es, 'LegalEntity', 'Beta Holding SIA')).toHaveLength(1);
    // Conflicts: two birth dates on one passport; Peeter Kask's IBAN held by "SIA GAMMA" on the statement.
    expect(named(es, 'Person', 'Maria Maasikas')).toHaveLength(2);
    expect(named(es, 'LegalEntity', 'SIA GAMMA')).toHaveLength(1);
    const conflicts = await openConflicts(store().scope(caseId));
    expect(conflicts.map((c) => c.reason).sort()).toEqual([
      expect.stringMatching(/^account:LV\d\dHABA0551000000001 has two holders/),
      expect.stringMatching(/^two birth dates \(.*\) on document:ee:K7654321$/),
    ]);
    // Each join says why in the kept entity's history.
    const history = await historyOf(store().scope(caseId), kycMari?.id ?? '');
    expect(history.some((h) => h.change.startsWith('join:') && h.change.includes('document:ee:K1234567'))).toBe(true);
    // The namesake with another birth date is not proposed.
    const access = await resolveCaseAccess(store(), actor, caseId);
    if (!access) throw new Error('no access');
    const queue = await resolutionCandidates(store(), access, {
      schema: 'LegalEntity',
      threshold: 0.5,
      limit: 100,
      decided: false,
    });
    // The conflicts wait at the head of the queue, with their reasons.
    expect(queue.candidates.filter((c) => c.kind === 'conflict').map((c) => c.reason?.slice(0, 15))).toEqual([
      'account:LV44HAB',
      'two birth dates',
    ]);
    const captions = queue.candidates.map((c) => `${c.a.caption}/${c.b.caption}`);
    expect(captions.filter((c) => /Jaan Tamm\/Jaan Tamm/.test(c) && /1975/.test(c))).toEqual([]);
  });

  itDb('re-imports after joins cleanly; an undone join is not made again', async () => {
    const caseId = await newCase('Re-import');
    await importAll(caseId, ['kyc', 'statement', 'register', 'police']);
    const before = describeCase(await entities(store(), caseId));
    // Ids joined away mean the entity they went into; a kept entity takes the file's values in again.
    for (const name of ['register', 'statement', 'kyc', 'police'] as const) {
      const again = await importSample(store(), actor, caseId, name);
      expect(again.entitiesAdded, name).toBe(0);
      expect(again.assembly, name).toBeUndefined();
    }
    expect(describeCase(await entities(store(), caseId))).toEqual(before);
    // Undo the register company's join to the KYC company: importing the extract again keeps them apart.
    const access = await resolveCaseAccess(store(), actor, caseId);
    if (!access) throw new Error('no access');
    const byRegistration = (
      await store().scope(caseId).selectFrom('resolution_merges').select(['id', 'before']).execute()
    ).find((m) => m.before.includes('"reason":"registration:ee:12345678"'));
    expect(byRegistration).toBeDefined();
    await undoMerge(store(), actor, access, byRegistration?.id ?? '');
    const after = await importSample(store(), actor, caseId, 'register');
    expect(after.assembly).toBeUndefined();
    expect(named(await entities(store(), caseId), 'Company', 'Alfa Ehitus OÜ')).toHaveLength(2);
  });

  itDb('the same files in two orders give the same case', async () => {
    const one = await newCase('Order one');
    const two = await newCase('Order two');
    await importAll(one, ['register', 'kyc', 'statement', 'police']);
    await importAll(two, ['police', 'statement', 'kyc', 'register']);
    expect(describeCase(await entities(store(), two))).toEqual(describeCase(await entities(store(), one)));
  });
});
