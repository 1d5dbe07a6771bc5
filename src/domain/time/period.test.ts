import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dateInPeriod,
  endDay,
  extentOf,
  overlaps,
  startDay,
  visibleInPeriod,
  type Period,
  type PeriodLink,
  type PeriodNode,
} from './period.ts';

describe('extentOf', () => {
  it('reads Interval start and end dates of a link', () => {
    expect(
      extentOf({ schema: 'Employment', properties: { startDate: ['2023-02-01'], endDate: ['2023-06-30'] } }),
    ).toEqual({ from: '2023-02-01', to: '2023-06-30' });
  });
  it('keeps a started, unfinished employment open towards the future', () => {
    expect(extentOf({ schema: 'Employment', properties: { startDate: ['2023-02-01'] } })).toEqual({
      from: '2023-02-01',
      to: null,
    });
  });
  it('makes a Payment date a single day', () => {
    expect(extentOf({ schema: 'Payment', properties: { date: ['2023-03-15'], amount: ['10'] } })).toEqual({
      from: '2023-03-15',
      to: '2023-03-15',
    });
  });
  it('expands date prefixes to the days they cover', () => {
    expect(extentOf({ schema: 'Payment', properties: { date: ['2024-02'] } })).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(extentOf({ schema: 'Event', properties: { name: ['x'], date: ['2023'] } })).toEqual({
      from: '2023-01-01',
      to: '2023-12-31',
    });
  });
  it("ignores a person's birth date: it is not activity in the case", () => {
    expect(extentOf({ schema: 'Person', properties: { name: ['A'], birthDate: ['1980-01-01'] } })).toBeNull();
  });
  it('uses company incorporation and dissolution, account opening, ad publication', () => {
    expect(
      extentOf({
        schema: 'Company',
        properties: { name: ['X'], incorporationDate: ['2020-01-01'], dissolutionDate: ['2023-07-20'] },
      }),
    ).toEqual({ from: '2020-01-01', to: '2023-07-20' });
    expect(extentOf({ schema: 'BankAccount', properties: { openingDate: ['2019-05-05'] } })).toEqual({
      from: '2019-05-05',
      to: null,
    });
    expect(
      extentOf({ schema: 'OnlineAd', properties: { publishedAt: ['2023-04-01'], capturedAt: ['2023-04-03'] } }),
    ).toEqual({ from: '2023-04-01', to: null });
  });
  it('widens over several values and reads timestamps by their date', () => {
    expect(
      extentOf({ schema: 'Event', properties: { name: ['x'], date: ['2023-05-02T23:10:00Z', '2023-04-30'] } }),
    ).toEqual({ from: '2023-04-30', to: '2023-05-02' });
  });
  it('is null for undated records and unknown schemata', () => {
    expect(extentOf({ schema: 'Family', properties: { person: ['a'], relative: ['b'] } })).toBeNull();
    expect(extentOf({ schema: 'NoSuchSchema', properties: { date: ['2023-01-01'] } })).toBeNull();
  });
});

describe('overlaps', () => {
  const p: Period = { from: '2023-03-10', to: '2023-03-20' };
  it('is inclusive at both ends', () => {
    expect(overlaps({ from: '2023-03-01', to: '2023-03-10' }, p)).toBe(true);
    expect(overlaps({ from: '2023-03-20', to: '2023-04-01' }, p)).toBe(true);
    expect(overlaps({ from: '2023-03-01', to: '2023-03-09' }, p)).toBe(false);
    expect(overlaps({ from: '2023-03-21', to: null }, p)).toBe(false);
  });
  it('treats open ends as unbounded', () => {
    expect(overlaps({ from: null, to: '2023-03-10' }, p)).toBe(true);
    expect(overlaps({ from: '2020-01-01', to: null }, p)).toBe(true);
    expect(overlaps({ from: '2023-04-01', to: '2023-04-02' }, { from: '2023-03-15', to: null })).toBe(true);
  });
  it('agrees with day-by-day membership (property)', () => {
    const day = fc
      .integer({ min: 0, max: 60 })
      .map((d) => new Date(Date.UTC(2023, 0, 1 + d)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, day, (a, b, c, d) => {
        const [eFrom, eTo] = a <= b ? [a, b] : [b, a];
        const [pFrom, pTo] = c <= d ? [c, d] : [d, c];
        let shared = false;
        for (let i = 0; i <= 60; i++) {
          const x = new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10);
          if (x >= eFrom && x <= eTo && x >= pFrom && x <= pTo) shared = true;
        }
        expect(overlaps({ from: eFrom, to: eTo }, { from: pFrom, to: pTo })).toBe(shared);
      }),
    );
  });
});

describe('date prefixes', () => {
  it('cover whole months and years', () => {
    expect(startDay('2023-02')).toBe('2023-02-01');
    expect(endDay('2023-02')).toBe('2023-02-28');
    expect(endDay('2023')).toBe('2023-12-31');
    expect(startDay('nonsense')).toBeNull();
    expect(dateInPeriod('2023-03-20T12:00:00Z', { from: '2023-03-10', to: '2023-03-20' })).toBe(true);
    expect(dateInPeriod('2023-03-21', { from: '2023-03-10', to: '2023-03-20' })).toBe(false);
  });
});

describe('visibleInPeriod', () => {
  const nodes: PeriodNode[] = [
    { id: 'worker', schema: 'Person', properties: { name: ['W'], birthDate: ['1990-01-01'] } },
    { id: 'firm', schema: 'Company', properties: { name: ['F'], incorporationDate: ['2023-06-01'] } },
    {
      id: 'old',
      schema: 'Company',
      properties: { name: ['O'], incorporationDate: ['2010-01-01'], dissolutionDate: ['2012-01-01'] },
    },
    { id: 'loner', schema: 'Person', properties: { name: ['L'] } },
    { id: 'relative', schema: 'Person', properties: { name: ['R'] } },
    { id: 'accA', schema: 'BankAccount', properties: {} },
    { id: 'accB', schema: 'BankAccount', properties: {} },
  ];
  const links: PeriodLink[] = [
    {
      id: 'job',
      schema: 'Employment',
      sourceId: 'worker',
      targetId: 'old',
      properties: { startDate: ['2011-01-01'], endDate: ['2011-12-31'] },
    },
    { id: 'fam', schema: 'Family', sourceId: 'worker', targetId: 'relative', properties: {} },
    { id: 'fam2', schema: 'Family', sourceId: 'worker', targetId: 'firm', properties: {} },
  ];
  const transactions = [{ accountId: 'accA', counterpartyAccountId: 'accB', bookingDate: '2023-06-15' }];

  it('shows everything without a period', () => {
    const v = visibleInPeriod({ nodes, links, transactions }, null);
    expect(v.nodeIds.size).toBe(nodes.length);
    expect(v.linkIds.size).toBe(links.length);
  });
  it('shows a node through its own extent or a dated link, hides undated loners', () => {
    const v = visibleInPeriod({ nodes, links, transactions }, { from: '2011-06-01', to: '2011-06-30' });
    expect([...v.nodeIds].sort()).toEqual(['old', 'worker']);
    expect([...v.linkIds]).toEqual(['job']);
  });
  it('shows transaction ends on their booking date and undated links between visible nodes', () => {
    const v = visibleInPeriod({ nodes, links, transactions }, { from: '2023-06-15', to: '2023-06-15' });
    expect([...v.nodeIds].sort()).toEqual(['accA', 'accB', 'firm']);
    expect(v.linkIds.size).toBe(0);
    const later = visibleInPeriod(
      {
        nodes,
        links: [
          ...links,
          {
            id: 'job2',
            schema: 'Employment',
            sourceId: 'worker',
            targetId: 'firm',
            properties: { startDate: ['2023-06-01'] },
          },
        ],
      },
      { from: '2024-01-01', to: null },
    );
    expect([...later.nodeIds].sort()).toEqual(['firm', 'worker']);
    expect([...later.linkIds].sort()).toEqual(['fam2', 'job2']);
  });
});
