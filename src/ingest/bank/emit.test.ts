import { describe, expect, it } from 'vitest';
import type { ImportItem } from '../types.ts';
import { accountEntity, accountRef, holderEntities } from './accounts.ts';
import { ItemQueue } from './emit.ts';

const account = (iban: string) => accountEntity(accountRef(iban) ?? { key: iban, display: iban });
const tx = (accountId: string) => ({ accountId, amountMinor: 1, currency: 'EUR', bookingDate: '2024-01-01' });

async function drain(queue: ItemQueue): Promise<ImportItem[]> {
  const out: ImportItem[] = [];
  for await (const item of queue.drain()) out.push(item);
  return out;
}

describe('item queue', () => {
  it('yields each entity once, entities before the transactions queued with them', async () => {
    const q = new ItemQueue(undefined, 10);
    const a = account('LV80BANK0000435195001');
    q.transaction(3, tx(a.id));
    q.entity(3, a);
    q.entity(4, a);
    expect(q.full).toBe(false);
    const items = await drain(q);
    expect(items.map((i) => `${i.kind}@${i.line}`)).toEqual(['entity@3', 'transaction@3']);
    expect(items[0]).toMatchObject({ kind: 'entity', merge: true });
    q.entity(9, a);
    expect(await drain(q)).toEqual([]);
  });

  it('asks `known` once per batch and drops what the case has', async () => {
    const a = account('LV80BANK0000435195001');
    const b = account('DE89370400440532013000');
    const calls: string[][] = [];
    const q = new ItemQueue((ids) => {
      calls.push(ids);
      return Promise.resolve(new Set([a.id]));
    }, 3);
    q.entity(1, a);
    q.entity(2, b);
    q.transaction(2, tx(b.id));
    expect(q.full).toBe(true);
    const items = await drain(q);
    expect(items.map((i) => (i.kind === 'entity' ? i.record.id : 'tx'))).toEqual([b.id, 'tx']);
    expect(calls).toEqual([[a.id, b.id]]);
    q.transaction(5, tx(a.id));
    await drain(q);
    expect(calls).toHaveLength(1); // no entities queued: no query
  });

  it('derives holder ids from the folded name and the account', () => {
    const a = account('LV80BANK0000435195001');
    const [p1] = holderEntities('Jānis Bērziņš', a.id);
    const [p2] = holderEntities('BERZINS  JANIS', a.id);
    const [p3] = holderEntities('Jānis Bērziņš', account('DE89370400440532013000').id);
    expect(p1?.id).toBe(p2?.id);
    expect(p1?.id).not.toBe(p3?.id);
    expect(holderEntities(' -- ', a.id)).toEqual([]);
  });

  it('gives a cash line the place its text names, and keeps a place the format gave', async () => {
    const a = account('LV80BANK0000435195001');
    const q = new ItemQueue(undefined, 10);
    q.entity(1, a);
    q.transaction(2, { ...tx(a.id), kind: 'PMNT/CNTR/CDPT', text: 'Cash deposit Tampere' });
    q.transaction(3, { ...tx(a.id), kind: 'cash withdrawal', text: 'ATM Vantaa', place: 'Myyrmäki' });
    q.transaction(4, { ...tx(a.id), kind: 'PMNT/RCDT/ESCT', text: 'Invoice Tampere' });
    const places = (await drain(q)).flatMap((i) => (i.kind === 'transaction' ? [i.record.place ?? null] : []));
    expect(places).toEqual(['Tampere', 'Myyrmäki', null]);
  });
});
