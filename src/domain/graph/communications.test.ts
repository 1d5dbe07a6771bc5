import { describe, expect, it } from 'vitest';
import { buildCaseGraph, type EntityIn } from './caseGraph.ts';
import { communicationLinks } from './communications.ts';
import { selectorLinks, type SelectorEntity } from './selectorLinks.ts';

const node = (id: string, schema: string, properties: Record<string, string[]>): SelectorEntity => ({
  id,
  schema,
  properties,
  sourceId: null,
  targetId: null,
});

const people = [
  node('anna', 'Person', { name: ['Anna Kalniņa'], email: ['anna@example.lv'] }),
  node('boss', 'Person', { name: ['Ivars Ozols'], phone: ['+371 2012 3456'] }),
  node('em-anna', 'EmailAddress', { address: ['anna@example.lv'] }),
  node('em-boss', 'EmailAddress', { address: ['ivars@example.lv'] }),
  node('em-shared', 'EmailAddress', { address: ['office@example.lv'] }),
  node('ph-boss', 'Phone', { number: ['+37120123456'] }),
  node('ph-other', 'Phone', { number: ['+37129999999'] }),
];

const mail = (id: string, date: string, from: string, to: string[], cc: string[] = []) =>
  node(id, 'Email', { from: [from], to, cc, date: [date] });

describe('communicationLinks', () => {
  const all = (extra: SelectorEntity[]) => {
    const entities = [...people, ...extra];
    return communicationLinks(entities, selectorLinks(entities), () => true);
  };

  it('joins an e-mail sender to each recipient, lifted to the address holder, counted per pair with dates', () => {
    const links = all([
      mail('m1', '2024-03-02T10:00:00Z', 'Anna <ANNA@example.lv>', ['ivars@example.lv'], ['office@example.lv']),
      mail('m2', '2024-01-15', 'ivars@example.lv', ['Anna Kalniņa <anna@example.lv>']),
    ]);
    expect(links).toEqual([
      {
        id: 'communication:anna~em-boss',
        source: 'anna',
        target: 'em-boss',
        count: 2,
        first: '2024-01-15',
        last: '2024-03-02',
      },
      {
        id: 'communication:anna~em-shared',
        source: 'anna',
        target: 'em-shared',
        count: 1,
        first: '2024-03-02',
        last: '2024-03-02',
      },
    ]);
  });

  it('sends a chat message to the chat’s other writers and a call from caller to receiver number', () => {
    const chat = [
      node('p1', 'LegalEntity', { name: ['Recruiter'] }),
      node('p2', 'LegalEntity', { name: ['+371 2999 9999'] }),
      node('c1', 'Message', { sender: ['p1'], parent: ['chat'], date: ['2024-05-01'] }),
      node('c2', 'Message', { sender: ['p2'], parent: ['chat'], date: ['2024-05-02'] }),
      node('c3', 'Message', { sender: ['p1'], parent: ['chat'], date: ['2024-05-03'] }),
      node('call', 'Call', { callerNumber: ['0037120123456'], receiverPhone: ['ph-other'], startDate: ['2024-06-01'] }),
    ];
    const links = all(chat);
    expect(links.find((l) => l.id === 'communication:p1~p2')).toMatchObject({
      count: 3,
      first: '2024-05-01',
      last: '2024-05-03',
    });
    // The caller's number is the boss's phone (one holder): the edge joins the boss.
    expect(links.find((l) => l.id === 'communication:boss~ph-other')).toMatchObject({ count: 1, first: '2024-06-01' });
  });

  it('keeps a selector shared by two holders as the end, and leaves out what is not drawn or not in the period', () => {
    const entities = [
      ...people,
      node('carl', 'Person', { email: ['office@example.lv'] }),
      node('dora', 'Person', { email: ['office@example.lv'] }),
      mail('m1', '2024-03-02', 'office@example.lv', ['ivars@example.lv']),
      mail('m2', '2023-01-01', 'office@example.lv', ['anna@example.lv']),
    ];
    const sel = selectorLinks(entities);
    expect(communicationLinks(entities, sel, () => true).map((l) => l.id)).toEqual([
      'communication:anna~em-shared',
      'communication:em-boss~em-shared',
    ]);
    const inPeriod = communicationLinks(entities, sel, () => true, { from: '2024-01-01', to: null });
    expect(inPeriod.map((l) => l.id)).toEqual(['communication:em-boss~em-shared']);
    expect(communicationLinks(entities, sel, (id) => id !== 'em-boss').map((l) => l.id)).toEqual([
      'communication:anna~em-shared',
    ]);
  });

  it('draws the pairs as communication edges of the case graph, between drawn nodes only', () => {
    const extra = [mail('m1', '2024-03-02', 'anna@example.lv', ['ivars@example.lv'])];
    const recorded = [...people, ...extra];
    const entities: EntityIn[] = recorded.map((e) => ({
      ...e,
      caption: e.id,
      reliability: 'X',
      information: '6',
      pseudonymised: false,
    }));
    const g = buildCaseGraph(entities, [], null, selectorLinks(recorded), recorded);
    expect(g.edges.filter((e) => e.kind === 'communication')).toEqual([
      {
        id: 'communication:anna~em-boss',
        kind: 'communication',
        schema: 'Communication',
        source: 'anna',
        target: 'em-boss',
        label: null,
        count: 1,
        first: '2024-03-02',
        last: '2024-03-02',
      },
    ]);
  });
});
