import { describe, expect, it } from 'vitest';
import { context, histories, line, monthlyWages, transfer } from '../histories.testing.ts';
import { wageKickback } from './wageKickback.ts';

/** Workers w1…wn paid by `emp`, each sending `share` of every wage to `boss` two days later. */
function network(n: number, share: number, months = 4) {
  return Array.from({ length: n }, (_, i) => [
    ...monthlyWages('emp', `w${i}`, 2000, months, 'ALGA'),
    ...Array.from({ length: months }, (_, m) => transfer(`w${i}`, 'boss', 8 + 30 * m, 2000 * share, 'atmaksa')).flat(),
  ]).flat();
}

describe('wageKickback', () => {
  it('flags the account that many wage earners pay most of each wage to, citing every line', () => {
    const input = { context: context(), histories: histories(network(3, 0.4)) };
    const [f, ...rest] = wageKickback.run(input);
    expect(rest).toEqual([]);
    expect(f?.subjectId).toBe('boss');
    expect(f?.variant).toBe('transfer');
    expect(f?.accountIds.sort()).toEqual(['boss', 'w0', 'w1', 'w2']);
    // 3 workers × 4 months × (wage credit + kick-back debit)
    expect(f?.evidence).toHaveLength(24);
    expect(f?.explanation).toMatch(/3 accounts receiving wages sent on average 40% of the wage/);
  });

  it('does not flag one person paying a partner a share after payday', () => {
    const input = { context: context(), histories: histories(network(1, 0.45)) };
    expect(wageKickback.run(input)).toEqual([]);
  });

  it('ignores small shares and payments outside the window', () => {
    expect(wageKickback.run({ context: context(), histories: histories(network(4, 0.2)) })).toEqual([]);
    const late = [0, 1, 2].flatMap((i) => [
      ...monthlyWages('emp', `w${i}`, 2000, 3),
      ...[0, 1, 2].flatMap((m) => transfer(`w${i}`, 'boss', 20 + 30 * m, 900, 'x')),
    ]);
    expect(wageKickback.run({ context: context(), histories: histories(late) })).toEqual([]);
  });

  it('does not count money moved between one holder’s own accounts', () => {
    const ctx = context({ accounts: { w0: 'p0', w1: 'p1', boss: 'p0' } });
    const lines = network(2, 0.5);
    expect(wageKickback.run({ context: ctx, histories: histories(lines) }, { minWorkers: 2 })).toEqual([]);
  });

  const cashWorkers = [0, 1, 2].flatMap((i) => [
    ...monthlyWages('emp', `w${i}`, 2000, 3),
    ...[0, 1, 2].map((m) => line(`w${i}`, 7 + 30 * m, -900, { kind: 'cash-withdrawal', text: 'ATM' })),
  ]);
  const collected = [0, 1, 2].map((m) =>
    line('boss', 15 + 30 * m, 1500, { kind: 'cash-deposit', text: 'Cash deposit' }),
  );

  it('finds the account that collects the cash the workers of one employer take out after payday', () => {
    const [f] = wageKickback.run({ context: context(), histories: histories([...cashWorkers, ...collected]) });
    expect(f).toMatchObject({ subjectId: 'boss', variant: 'cash' });
    expect(f?.accountIds.sort()).toEqual(['boss', 'w0', 'w1', 'w2']);
    // Nobody receiving that cash: workers living on cash, no finding.
    expect(wageKickback.run({ context: context(), histories: histories(cashWorkers) })).toEqual([]);
  });

  it('does not hold cash taken out of its wages against an employer that pays its payroll tax', () => {
    const taxes = [0, 1, 2].map((m) => line('emp', 12 + 30 * m, -1500, { cpName: 'Verohallinto', text: 'tax' }));
    const lines = [...cashWorkers, ...collected];
    expect(wageKickback.run({ context: context(), histories: histories(lines) })).toHaveLength(1);
    expect(wageKickback.run({ context: context(), histories: histories([...lines, ...taxes]) })).toEqual([]);
  });

  it('counts a lone cash worker with co-workers who hand their wages back to the account collecting his cash', () => {
    const loner = [
      ...monthlyWages('emp', 'w9', 2000, 3),
      ...[0, 1, 2].map((m) => line('w9', 7 + 30 * m, -900, { kind: 'cash-withdrawal', text: 'ATM' })),
    ];
    const deposits = [0, 1, 2].map((m) =>
      line('boss', 12 + 30 * m, 900, { kind: 'cash-deposit', text: 'Cash deposit' }),
    );
    const findings = wageKickback.run({
      context: context(),
      histories: histories([...network(2, 0.4, 3), ...loner, ...deposits]),
    });
    const cash = findings.find((f) => f.variant === 'cash');
    expect(cash).toMatchObject({ subjectId: 'boss' });
    expect(cash?.accountIds.sort()).toEqual(['boss', 'w9']);
    // Alone, the same worker living on cash is no pattern, even with cash paid into some account.
    expect(wageKickback.run({ context: context(), histories: histories([...loner, ...deposits]) })).toEqual([]);
    // Nor when his co-workers hand their wages back to another account than the one receiving cash.
    const elsewhere = [0, 1].flatMap((i) => [
      ...monthlyWages('emp', `w${i}`, 2000, 3),
      ...[0, 1, 2].flatMap((m) => transfer(`w${i}`, 'other', 8 + 30 * m, 800, 'atmaksa')),
    ]);
    expect(
      wageKickback
        .run({ context: context(), histories: histories([...elsewhere, ...loner, ...deposits]) })
        .filter((f) => f.variant === 'cash'),
    ).toEqual([]);
  });

  it('cites the cash handed back, not the pocket money taken out at a card machine the same days', () => {
    const pocket = [0, 1, 2].flatMap((i) =>
      [0, 1, 2].map((m) => line(`w${i}`, 9 + 30 * m, -40, { kind: 'cash-withdrawal', text: 'CARD ATM' })),
    );
    const [f] = wageKickback.run({
      context: context(),
      histories: histories([...cashWorkers, ...pocket, ...collected]),
    });
    expect(f).toMatchObject({ subjectId: 'boss', variant: 'cash' });
    // 3 workers × 3 months × (wage + the one large withdrawal): no pocket money among the evidence.
    expect(f?.evidence).toHaveLength(18);
  });

  it('adds a worker handing a smaller share to an account that several others already hand theirs', () => {
    const smallerShare = (worker: string) => [
      ...monthlyWages('emp', worker, 2000, 4, 'ALGA'),
      ...[0, 1, 2, 3].flatMap((m) => transfer(worker, 'boss', 9 + 30 * m, 560, 'atmaksa')),
    ];
    const smaller = smallerShare('w8');
    const [f] = wageKickback.run({ context: context(), histories: histories([...network(2, 0.4), ...smaller]) });
    expect(f?.accountIds.sort()).toEqual(['boss', 'w0', 'w1', 'w8']);
    // Alone, two workers paying 28% to one account are no pattern (a shared landlord).
    const twoSmall = [...smaller, ...smallerShare('w7')];
    expect(wageKickback.run({ context: context(), histories: histories(twoSmall) })).toEqual([]);
  });
});
