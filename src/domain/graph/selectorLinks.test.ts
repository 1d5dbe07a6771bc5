import { describe, expect, it } from 'vitest';
import { selectorLinks, selectorLinkId } from './selectorLinks.ts';
import type { SelectorEntity } from './selectorLinks.ts';

const node = (id: string, schema: string, properties: Record<string, string[]>): SelectorEntity => ({
  id,
  schema,
  properties,
  sourceId: null,
  targetId: null,
});

describe('selector links', () => {
  it('joins a phone to every person whose own number is it, however written, so shared phones connect people', () => {
    const links = selectorLinks([
      node('p1', 'Person', { name: ['A'], phone: ['+371 2012 3456'] }),
      node('p2', 'Person', { name: ['B'], phone: ['0037120123456'] }),
      node('p3', 'Person', { name: ['C'], phone: ['+37120999999'] }),
      node('n1', 'Phone', { number: ['+37120123456'] }),
    ]);
    expect(links.map((l) => [l.holder, l.selector, l.property])).toEqual([
      ['p1', 'n1', 'phone'],
      ['p2', 'n1', 'phone'],
    ]);
    expect(links[0]?.id).toBe(selectorLinkId('p1', 'n1'));
  });

  it('joins e-mails, addresses, IBANs and references by id; not selector to selector, nor twice beside a link', () => {
    const links = selectorLinks([
      node('p1', 'Person', { email: ['Anna.B@Example.com'], address: ['Brīvības iela 12-3, Rīga'] }),
      node('c1', 'Company', { iban: ['LV80 BANK 0000 4351 9500 1'] }),
      node('ad', 'OnlineAd', { account: ['u1'] }),
      node('e1', 'EmailAddress', { address: ['anna.b@example.com'] }),
      node('a1', 'Address', { full: ['BRIVIBAS IE. 12 - 3 RIGA'], email: ['anna.b@example.com'] }),
      node('b1', 'BankAccount', { iban: ['LV80BANK0000435195001'] }),
      node('u1', 'UserAccount', { username: ['x'] }),
      { id: 'own', schema: 'Ownership', properties: {}, sourceId: 'c1', targetId: 'b1' },
    ]);
    expect(links.map((l) => `${l.holder}>${l.selector}`)).toEqual(['p1>a1', 'p1>e1']);
  });

  it('links an ad to the account it names by id', () => {
    const links = selectorLinks([node('ad', 'OnlineAd', { account: ['b1'] }), node('b1', 'BankAccount', {})]);
    expect(links).toEqual([{ id: selectorLinkId('ad', 'b1'), holder: 'ad', selector: 'b1', property: 'account' }]);
  });
});
