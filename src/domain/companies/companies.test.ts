import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../records.ts';
import { buildChains, companiesIn } from './chain.ts';
import type { ChainNode } from './chain.ts';
import { companyGraph } from './facts.ts';
import { companyFlags } from './flags.ts';

const e = (id: string, schema: string, properties: Record<string, string[]>): EntityRecord => ({
  id,
  schema,
  properties,
});
const co = (id: string, props: Record<string, string[]> = {}) =>
  e(id, 'Company', { name: [id.toUpperCase()], ...props });

/** A client → contractor → letterbox chain, a successor, and two posted workers. */
function world(extra: EntityRecord[] = []): EntityRecord[] {
  return [
    co('client', { country: ['fi'], incorporationDate: ['2001-01-01'] }),
    co('sub', { country: ['fi'], incorporationDate: ['2015-01-01'] }),
    co('box', {
      country: ['lv'],
      incorporationDate: ['2023-11-01'],
      dissolutionDate: ['2024-06-20'],
      address: ['Brīvības iela 1, Rīga'],
      phone: ['+371 2000 0001'],
    }),
    co('next', { country: ['lv'], incorporationDate: ['2024-06-01'], address: ['BRIVIBAS IELA 1 RIGA'] }),
    e('w1', 'Person', { name: ['Worker One'], birthDate: ['1990-01-01'] }),
    e('w2', 'Person', { name: ['Worker Two'], birthDate: ['1991-01-01'] }),
    e('d', 'Person', { name: ['Straw Director'], birthDate: ['1945-03-01'] }),
    e('s1', 'Subcontract', { contractor: ['client'], subcontractor: ['sub'], startDate: ['2024-01-01'] }),
    e('s2', 'Subcontract', {
      contractor: ['sub'],
      subcontractor: ['box'],
      startDate: ['2024-01-01'],
      endDate: ['2024-06-20'],
    }),
    e('s3', 'Subcontract', { contractor: ['sub'], subcontractor: ['next'], startDate: ['2024-06-21'] }),
    e('dir', 'Directorship', { director: ['d'], organization: ['box'], startDate: ['2023-11-01'] }),
    ...['w1', 'w2'].flatMap((w) => [
      e(`p-${w}`, 'Posting', {
        worker: [w],
        sendingCompany: ['box'],
        hostCompany: ['sub'],
        workplace: ['Site 1'],
        startDate: ['2024-01-01'],
        endDate: ['2024-06-20'],
      }),
      e(`q-${w}`, 'Posting', {
        worker: [w],
        sendingCompany: ['next'],
        hostCompany: ['sub'],
        workplace: ['Site 1'],
        startDate: ['2024-06-21'],
        endDate: ['2025-02-01'],
      }),
    ]),
    ...extra,
  ];
}

describe('chains', () => {
  it('runs from the top company down to the posted workers, once per company on a path', () => {
    const [top, ...rest] = buildChains(companyGraph(world()));
    expect(rest).toEqual([]);
    expect(top?.companyId).toBe('client');
    expect(top?.children.map((c) => c.companyId)).toEqual(['sub']);
    expect(top?.children[0]?.children.map((c) => [c.companyId, c.workers.map((w) => w.posted && w.id)])).toEqual([
      ['box', ['w1', 'w2']],
      ['next', ['w1', 'w2']],
    ]);
  });

  it('marks a circular contract instead of looping', () => {
    const chains = buildChains(
      companyGraph(world([e('loop', 'Subcontract', { contractor: ['box'], subcontractor: ['sub'] })])),
    );
    const box = chains[0]?.children[0]?.children.find((c) => c.companyId === 'box');
    expect(box?.children.map((c) => [c.companyId, c.cycle])).toEqual([['sub', true]]);
    expect(companiesIn(chains).sort()).toEqual(['box', 'client', 'next', 'sub']);
  });
});

describe('company red flags', () => {
  const rulesOf = (flags: ReturnType<typeof companyFlags>, id: string) =>
    flags.filter((f) => f.companyId === id).map((f) => f.rule);

  it('flags the letterbox and its phoenix successor, and not the client', () => {
    const flags = companyFlags(companyGraph(world()), { params: { noStaffManyPosted: { minPosted: 2 } } });
    expect(rulesOf(flags, 'box')).toEqual(['directorAge', 'noStaffManyPosted', 'phoenix', 'recentlyRegistered']);
    expect(rulesOf(flags, 'next')).toEqual([
      'noStaffManyPosted',
      'phoenix',
      'postingTooLong',
      'recentlyRegistered',
      'repeatedPosting',
    ]);
    expect(rulesOf(flags, 'client')).toEqual([]);
    const phoenix = flags.find((f) => f.companyId === 'next' && f.rule === 'phoenix');
    expect(phoenix?.facts.shared).toBe('address');
    expect(phoenix?.explanation).toContain('BOX');
  });

  it('reads parameters: a higher bar for posted workers drops that flag', () => {
    const flags = companyFlags(companyGraph(world()));
    expect(rulesOf(flags, 'box')).not.toContain('noStaffManyPosted');
  });

  it('flags many companies at one address and payroll far below the workforce', () => {
    const extra = [
      co('x1', { address: ['Brīvības iela 1, Rīga'] }),
      co('pay', { payroll: ['12000'], employees: ['10'], currency: ['EUR'] }),
    ];
    const flags = companyFlags(companyGraph(world(extra)));
    expect(rulesOf(flags, 'x1')).toEqual(['sharedAddress']);
    expect(flags.find((f) => f.rule === 'payrollGap')?.facts).toMatchObject({ workforce: 10, expected: 240000 });
  });
});

describe('issue 18: rules that agree with each other', () => {
  const rulesOf = (flags: ReturnType<typeof companyFlags>, id: string) =>
    flags.filter((f) => f.companyId === id).map((f) => f.rule);
  const postings = (sending: string, n: number, workplace: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => [
      e(`pw${sending}${i}`, 'Person', { name: [`Posted ${sending} ${i}`] }),
      e(`pp${sending}${i}`, 'Posting', {
        worker: [`pw${sending}${i}`],
        sendingCompany: [sending],
        hostCompany: ['client'],
        workplace: [workplace(i)],
        startDate: ['2023-01-01'],
      }),
    ]).flat();

  it('a posting firm with 140 registered staff is not a letterbox without staff', () => {
    const g = companyGraph([co('client'), co('real', { employees: ['140'] }), ...postings('real', 12, () => 'Site')]);
    expect(rulesOf(companyFlags(g), 'real')).not.toContain('noStaffManyPosted');
    const none = companyGraph([co('client'), co('bare', { employees: ['12'] }), ...postings('bare', 12, () => 'Site')]);
    expect(companyFlags(none).find((f) => f.companyId === 'bare' && f.rule === 'noStaffManyPosted')?.facts).toEqual({
      posted: 12,
      staff: 0,
    });
  });

  it('groups postings by the workplace address however it is written', () => {
    const forms = [
      'Brīvības iela 12, Rīga',
      'BRIVIBAS IE. 12 RIGA',
      'brivibas iela 12 - riga',
      'Brīvības  ie 12, Rīga',
    ];
    // Four workers posted to one site by one firm, then the same four re-posted there by its successor.
    const entities = [
      co('client'),
      co('a'),
      co('b'),
      ...[0, 1, 2, 3].flatMap((i) => [
        e(`w${i}`, 'Person', { name: [`W${i}`] }),
        e(`pa${i}`, 'Posting', {
          worker: [`w${i}`],
          sendingCompany: ['a'],
          workplace: [forms[i] ?? ''],
          startDate: ['2023-01-01'],
          endDate: ['2023-08-31'],
        }),
        e(`pb${i}`, 'Posting', {
          worker: [`w${i}`],
          sendingCompany: ['b'],
          workplace: [forms[(i + 1) % 4] ?? ''],
          startDate: ['2023-09-10'],
          endDate: ['2024-04-30'],
        }),
      ]),
    ];
    const flags = companyFlags(companyGraph(entities));
    expect(flags.find((f) => f.companyId === 'b' && f.rule === 'repeatedPosting')?.facts.workers).toBe(4);
    expect(rulesOf(flags, 'b')).toContain('postingTooLong');
  });

  it.each([
    ['also a direct subcontract from the main contractor', true],
    ['only a posting to the main contractor', false],
  ])('draws each company once, at its deepest contractual position (%s)', (_, direct) => {
    // The letterbox is a sub-subcontractor and also posts workers to the main contractor's site.
    const chains = buildChains(
      companyGraph([
        co('client'),
        co('main'),
        co('sub'),
        co('box'),
        e('c1', 'Subcontract', { contractor: ['client'], subcontractor: ['main'] }),
        e('c2', 'Subcontract', { contractor: ['main'], subcontractor: ['sub'] }),
        e('c3', 'Subcontract', { contractor: ['sub'], subcontractor: ['box'] }),
        ...(direct ? [e('c4', 'Subcontract', { contractor: ['main'], subcontractor: ['box'] })] : []),
        e('w', 'Person', { name: ['W'] }),
        e('p', 'Posting', { worker: ['w'], sendingCompany: ['box'], hostCompany: ['main'], startDate: ['2024-01-01'] }),
      ]),
    );
    const seen: string[] = [];
    const walk = (n: ChainNode, path: string[]) => {
      seen.push([...path, n.companyId].join('>'));
      n.children.forEach((c) => walk(c, [...path, n.companyId]));
    };
    chains.forEach((c) => walk(c, []));
    expect(seen).toEqual(['client', 'client>main', 'client>main>sub', 'client>main>sub>box']);
  });
});
