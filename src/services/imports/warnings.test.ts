import { describe, expect, it } from 'vitest';
import { MAX_WARNINGS, WarningList } from './warnings.ts';

describe('import warnings', () => {
  it('names the line, lists each warning once and counts those beyond the cap', () => {
    const list = new WarningList();
    list.add(3, ['no booking date', 'no booking date']);
    list.add(3, ['no booking date']);
    list.add(4, undefined);
    list.add(5, ['no booking date']);
    expect(list.list()).toEqual(['line 3: no booking date', 'line 5: no booking date']);
    for (let line = 10; line < 10 + MAX_WARNINGS + 5; line++) list.add(line, ['no indicator']);
    const all = list.list();
    expect(all).toHaveLength(MAX_WARNINGS + 1);
    expect(all.at(-1)).toBe('… and 7 more warnings');
  });
});
