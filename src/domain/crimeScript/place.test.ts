import { describe, expect, it } from 'vitest';
import { placeInChain, type ChainEntity } from './place.ts';
import { FUNCTION_LANES, LINK_RULES, REASON_IDS } from './rules.ts';
import { LANES } from './stages.ts';
import { getSchema, isA, propertiesOf } from '../schema/index.ts';

const person = (id: string, props: Record<string, string[]> = {}): ChainEntity => ({
  id,
  schema: 'Person',
  properties: { name: [id], ...props },
});
const company = (id: string, props: Record<string, string[]> = {}): ChainEntity => ({
  id,
  schema: 'Company',
  properties: { name: [id], ...props },
});
const link = (id: string, schema: string, props: Record<string, string[]>): ChainEntity => ({
  id,
  schema,
  properties: props,
});
const lanesOf = (r: ReturnType<typeof placeInChain>, id: string) =>
  r.placements
    .filter((p) => p.entityId === id)
    .map((p) => p.lane)
    .sort();

describe('the rule tables', () => {
  it('name real schemata and properties, and every lane is known', () => {
    for (const r of LINK_RULES) {
      expect(getSchema(r.schema), r.id).toBeDefined();
      const props = propertiesOf(r.schema);
      for (const p of [r.anchor, r.place]) if (!p.startsWith('@')) expect(props[p], `${r.id}.${p}`).toBeDefined();
      expect(r.lane === 'exploited' || (LANES as readonly string[]).includes(r.lane)).toBe(true);
      expect(r.source.length).toBeGreaterThan(10);
    }
    for (const lanes of Object.values(FUNCTION_LANES)) for (const l of lanes) expect(LANES).toContain(l);
    expect(new Set(REASON_IDS).size).toBe(REASON_IDS.length);
  });
});

describe('placeInChain', () => {
  // A small labour scheme: victim recruited by R, employed by letterbox L, housed at H by E;
  // L subcontracted by S, which is subcontracted by M; M also subcontracts honest P, who posts worker Q.
  const entities: ChainEntity[] = [
    person('V', { proceduralStatus: ['victim'] }),
    person('W'),
    person('R'),
    person('R2'),
    person('E'),
    person('D'),
    company('L'),
    company('S'),
    company('M'),
    company('P'),
    person('Q'),
    { id: 'H', schema: 'Address', properties: { full: ['Street 1'] } },
    { id: 'HQ', schema: 'Address', properties: { full: ['Hotel'] } },
    { id: 'accL', schema: 'BankAccount', properties: {} },
    { id: 'accR2', schema: 'BankAccount', properties: {} },
    { id: 'accW', schema: 'BankAccount', properties: {} },
    link('l1', 'Recruitment', { recruiter: ['R'], recruited: ['V'] }),
    link('l2', 'Recruitment', { recruiter: ['R2'], recruited: ['W'] }),
    link('l3', 'Employment', { employer: ['L'], employee: ['V'] }),
    link('l4', 'Employment', { employer: ['L'], employee: ['W'] }),
    link('l5', 'Accommodation', { person: ['V'], addressEntity: ['H'], housedBy: ['E'] }),
    link('l6', 'Subcontract', { contractor: ['S'], subcontractor: ['L'] }),
    link('l7', 'Subcontract', { contractor: ['M'], subcontractor: ['S'] }),
    link('l8', 'Subcontract', { contractor: ['M'], subcontractor: ['P'] }),
    link('l9', 'Posting', { worker: ['Q'], sendingCompany: ['P'], hostCompany: ['M'] }),
    link('l10', 'Accommodation', { person: ['Q'], addressEntity: ['HQ'], housedBy: ['P'] }),
    link('l11', 'Directorship', { director: ['D'], organization: ['L'] }),
    link('l12', 'Ownership', { owner: ['L'], asset: ['accL'] }),
    link('l13', 'Ownership', { owner: ['W'], asset: ['accW'] }),
    link('l14', 'Ownership', { owner: ['R2'], asset: ['accR2'] }),
  ];
  const r = placeInChain({ entities, transfers: [{ from: 'accW', to: 'accR2' }] });

  it('puts recruiters in recruitment, also one found through a co-worker', () => {
    expect(lanesOf(r, 'R')).toEqual(['recruitment']);
    expect(lanesOf(r, 'R2')).toContain('recruitment');
    expect(r.exploited).toEqual(['V', 'W']);
  });
  it('puts the employer of record in exploitation and its director in finance', () => {
    expect(lanesOf(r, 'L')).toEqual(['exploitation', 'finance']);
    expect(lanesOf(r, 'D')).toEqual(['finance']);
  });
  it('follows the subcontracting chain up, not down to honest subcontractors', () => {
    expect(lanesOf(r, 'S')).toEqual(['exploitation']);
    expect(lanesOf(r, 'M')).toEqual(['exploitation']);
    expect(lanesOf(r, 'P')).toEqual([]);
    expect(lanesOf(r, 'Q')).toEqual([]);
    expect(lanesOf(r, 'HQ')).toEqual([]);
  });
  it('places the housing and the person housing victims, with the reason', () => {
    expect(lanesOf(r, 'H')).toEqual(['accommodation']);
    const e = r.placements.find((p) => p.entityId === 'E');
    expect(e?.lane).toBe('accommodation');
    expect(e?.reasons[0]).toEqual({ rule: 'housedVictimBy', via: 'V', record: 'l5' });
  });
  it("follows money from an exploited person's account to the recruiter's", () => {
    expect(lanesOf(r, 'accW')).toEqual(['finance']);
    expect(lanesOf(r, 'accR2')).toEqual(['finance']);
    expect(r.placements.find((p) => p.entityId === 'accR2')?.reasons.map((x) => x.rule)).toContain('receivedFromChain');
    expect(lanesOf(r, 'W')).toEqual([]);
  });
  it('keeps an honest recruiter without any involved anchor out of every lane', () => {
    const honest = placeInChain({
      entities: [
        person('A'),
        person('B'),
        link('x', 'Recruitment', { recruiter: ['A'], recruited: ['B'] }),
        link('y', 'Accommodation', { person: ['B'], addressEntity: ['H'], housedBy: ['A'] }),
        { id: 'H', schema: 'Address', properties: {} },
      ],
    });
    expect(honest.placements).toEqual([]);
    expect(honest.unplaced).toEqual([]);
  });
  it('places by crime-script function, lists unplaced suspects and associates, and obeys the analyst', () => {
    const x = placeInChain({
      entities: [
        person('F', { crimeScriptFunctions: ['documentForger', 'transporter'] }),
        person('S', { proceduralStatus: ['suspect'] }),
        person('T'),
        link('a', 'Associate', { person: ['S'], associate: ['T'] }),
      ],
      manual: [{ entityId: 'F', lane: 'none' }],
    });
    expect(x.placements).toEqual([]);
    expect(x.unplaced).toEqual(['S', 'T']);
    const y = placeInChain({
      entities: [
        person('F', { crimeScriptFunctions: ['documentForger', 'transporter'] }),
        person('S', { proceduralStatus: ['suspect'] }),
      ],
      manual: [{ entityId: 'S', lane: 'finance' }],
    });
    expect(lanesOf(y, 'F')).toEqual(['documents', 'transport']);
    expect(y.placements.find((p) => p.entityId === 'S')?.reasons).toEqual([
      { rule: 'manual', via: null, record: null },
    ]);
    expect(y.unplaced).toEqual([]);
  });
  it('puts ads in advertising and the phones they print in communication', () => {
    const x = placeInChain({
      entities: [
        { id: 'ad', schema: 'OnlineAd', properties: { phone: ['+358401234567'] } },
        { id: 'ph', schema: 'Phone', properties: { number: ['+358401234567'] } },
        person('U'),
      ],
      sharedContacts: [['ad', 'ph', 'U']],
    });
    expect(lanesOf(x, 'ad')).toEqual(['advertising']);
    expect(lanesOf(x, 'ph')).toEqual(['communication']);
    expect(lanesOf(x, 'U')).toEqual(['communication']);
    expect(isA('OnlineAd', 'Thing')).toBe(true);
  });
});
