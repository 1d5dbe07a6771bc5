import { describe, expect, it } from 'vitest';
import { AppError, errorText } from './errors.ts';

const text = (message: string, path?: string) => errorText(new AppError('import_failed', message, path));

describe('errorText: where, then what, each once', () => {
  it('writes path and message', () => {
    expect(text('amount is not a number', 'a.csv: line 3: properties.amount')).toBe(
      'a.csv: line 3: properties.amount: amount is not a number',
    );
    expect(text('No such case')).toBe('No such case');
    expect(text('--subscriber belongs to --format cdr', '--subscriber')).toBe('--subscriber belongs to --format cdr');
  });
  it('keeps one line number when the message names it too', () => {
    expect(text('Line 62: bad amount', 'x.sta: line 62')).toBe('x.sta: line 62: bad amount');
    expect(text('Line 62: bad amount', 'line 62')).toBe('line 62: bad amount');
    expect(text('Line 5, column "amount": not a number', 'x.csv: line 5: amount')).toBe(
      'x.csv: line 5, column "amount": not a number',
    );
    expect(text('Line 7 has 3 fields; the header has 4', 'x.csv: line 7')).toBe(
      'x.csv: line 7 has 3 fields; the header has 4',
    );
  });
  it('leaves a different line alone', () => {
    expect(text('Line 6: opened here', 'x.xml: line 62')).toBe('x.xml: line 62: Line 6: opened here');
  });
});
