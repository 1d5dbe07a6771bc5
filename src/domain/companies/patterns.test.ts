import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../records.ts';
import { companyGraph } from './facts.ts';
import { companyFlags } from './flags.ts';
import { companyPattern, companyPatterns } from './patterns.ts';
import type { CompanyFlag, FlagRuleId } from './rules/types.ts';

const flag = (rule: FlagRuleId, companyId: string, facts: CompanyFlag['facts'] = {}): CompanyFlag => ({
  rule,
  companyId,
  facts,
  explanation: '',
  evidenceIds: [],
});
const e = (id: string, schema: string, properties: Record<string, string[]>): EntityRecord => ({
  id,
  schema,
  properties,
});

describe('company patterns', () => {
  it('reads a firm posting workers with no staff of its own as a letterbox, with the rules that show it', () => {
    const p = companyPattern([flag('directorAge', 'x'), flag('payrollGap', 'x'), flag('noStaffManyPosted', 'x')]);
    expect(p).toEqual({ pattern: 'letterbox', rules: ['noStaffManyPosted', 'payrollGap'] });
  });

  it('never reads a director age, a recent registration or a shared address alone as a letterbox', () => {
    expect(companyPattern([flag('directorAge', 'x'), flag('recentlyRegistered', 'x')])).toBeNull();
    expect(companyPattern([flag('sharedAddress', 'x'), flag('directorManyBoards', 'x')])).toBeNull();
  });

  it('names the successor of a phoenix succession as such, and its dissolved predecessor by its own flags', () => {
    const flags = [
      flag('phoenix', 'old', { role: 'predecessor' }),
      flag('noStaffManyPosted', 'old'),
      flag('phoenix', 'new', { role: 'successor' }),
      flag('noStaffManyPosted', 'new'),
      flag('phoenix', 'sold', { role: 'predecessor' }),
    ];
    const by = companyPatterns(flags);
    expect(by.get('new')?.pattern).toBe('phoenixSuccessor');
    expect(by.get('old')?.pattern).toBe('letterbox');
    expect(by.has('sold')).toBe(false);
  });

  it('on a graph: a shop with a 74-year-old owner-director is flagged for the age, and makes no pattern', () => {
    const g = companyGraph([
      e('shop', 'Company', { name: ['Kauppa Oy'], country: ['fi'], incorporationDate: ['1990-01-01'] }),
      e('old', 'Person', { name: ['Owner'], birthDate: ['1950-01-01'] }),
      e('d', 'Directorship', { director: ['old'], organization: ['shop'], startDate: ['1990-01-01'] }),
      e('acc', 'Company', { name: ['Other Oy'], incorporationDate: ['2024-01-01'] }),
    ]);
    const flags = companyFlags(g);
    expect(flags.map((f) => [f.rule, f.companyId])).toContainEqual(['directorAge', 'shop']);
    expect(companyPatterns(flags).size).toBe(0);
  });
});
