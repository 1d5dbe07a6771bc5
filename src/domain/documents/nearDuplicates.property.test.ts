import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandKeys,
  decodeSignature,
  encodeSignature,
  groupNearDuplicates,
  MIN_TEXT,
  signatureOf,
} from './nearDuplicates.ts';

const letters = 'abcdefghijklmnoprstuvyzäöšžāēī';
const word = fc.array(fc.constantFrom(...letters), { minLength: 3, maxLength: 9 }).map((cs) => cs.join(''));
/** A text of 20–120 words: long enough to compare. */
const text = fc.array(word, { minLength: 20, maxLength: 120 }).map((ws) => ws.join(' '));

type Edit = { at: number; op: 'replace' | 'delete' | 'insert'; word: string };
const edits = fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom('replace', 'delete', 'insert'), word }), {
  minLength: 1,
  maxLength: 2,
});

function applyEdits(t: string, es: readonly Edit[]): string {
  const words = t.split(' ');
  for (const e of es) {
    const at = e.at % words.length;
    if (e.op === 'replace') words[at] = e.word;
    else if (e.op === 'delete' && words.length > 1) words.splice(at, 1);
    else words.splice(at, 0, e.word);
  }
  return words.join(' ');
}

const group = (texts: string[]) =>
  groupNearDuplicates(texts.map((t, i) => ({ id: `d${i}`, signature: signatureOf(t) })));

describe('near-duplicate documents', () => {
  it('keeps a copy with one or two words changed, removed or added in the group of its original', () => {
    fc.assert(
      fc.property(text, edits, (t, es) => {
        const groups = group([t, applyEdits(t, es)]);
        expect(groups).toEqual([['d0', 'd1']]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a copy with changed case, accents and punctuation in the group', () => {
    fc.assert(
      fc.property(text, (t) => {
        const shouted = `${t.toUpperCase().replace(/ä/gi, 'a').replace(/ /g, ', ')}!`;
        expect(group([t, shouted])).toEqual([['d0', 'd1']]);
      }),
      { numRuns: 100 },
    );
  });

  it('does not group unrelated texts', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        fc.pre(a !== b);
        expect(group([a, b])).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('groups an edit of an edit with the original, and leaves an unrelated text out', () => {
    fc.assert(
      fc.property(text, edits, edits, text, (t, e1, e2, other) => {
        fc.pre(other !== t);
        const once = applyEdits(t, e1);
        const twice = applyEdits(once, e2);
        expect(group([t, other, once, twice])).toEqual([['d0', 'd2', 'd3']]);
      }),
      { numRuns: 200 },
    );
  });

  it('gives no signature to texts too short to compare, so short replies are never grouped', () => {
    expect(signatureOf('ok, thanks')).toBeNull();
    expect(signatureOf('see you at the station tomorrow at nine')).toBeNull();
    expect('see you at the station tomorrow at nine'.length).toBeLessThan(MIN_TEXT);
    expect(group(['ok, thanks', 'ok, thanks'])).toEqual([]);
  });

  it('stores a signature as hex and reads it back, with the same bands', () => {
    const sig = signatureOf('The passport stays with me until the debt for the flat and the travel is paid');
    expect(sig).not.toBeNull();
    if (!sig) return;
    const back = decodeSignature(encodeSignature(sig));
    expect(back && bandKeys(back)).toEqual(bandKeys(sig));
    expect(decodeSignature('zz')).toBeNull();
  });
});
