import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../records.ts';
import { buildChains, companiesIn } from './chain.ts';
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
