/**
 * Near-duplicate grouping measured on edited copies: for texts of 15, 40 and 150 words (words
 * drawn by a Zipf law, so unrelated texts share common words as real ones do), copies with a few
 * words replaced, deleted or inserted, how many stay grouped with their original, and how many
 * unrelated pairs are grouped — for the shingles chosen (5 characters) beside 3-word and
 * 3-character shingles. Then the time to group 2,000 documents by bands, beside comparing every
 * pair's signatures (the work the bands avoid).
 */
import {
  comparableText,
  groupNearDuplicates,
  resemblance,
  shingles,
  signatureOfShingles,
  signatureOf,
  type Signed,
} from '../src/domain/documents/nearDuplicates.ts';
import { markMessage } from '../src/domain/indicators/messageMarks.ts';
import { foldText } from '../src/shared/names/index.ts';
import { time } from './support.ts';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'ta', 'ri', 'mo', 'le', 'su', 'pa', 'vi', 'no', 'de', 'ja', 'go', 'el', 'ur', 'is', 'an'];

export function corpus(seed: number) {
  const rnd = prng(seed);
  const vocab = Array.from({ length: 3000 }, () => {
    const n = 1 + Math.floor(rnd() * 4);
    return Array.from({ length: n }, () => SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]).join('');
  });
  const word = () => {
    // Zipf's law (s = 1): rank r drawn with weight 1/r, so the commonest word is about a tenth of a text.
    const r = Math.floor(Math.exp(rnd() * Math.log(vocab.length))) - 1;
    return rnd() < 0.05 ? String(Math.floor(rnd() * 10000)) : (vocab[r] ?? 'x');
  };
  const text = (n: number) => Array.from({ length: n }, word).join(' ');
  const edit = (t: string, edits: number) => {
    const words = t.split(' ');
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(rnd() * words.length);
      const op = rnd();
      if (op < 0.5) words[at] = word();
      else if (op < 0.75 && words.length > 3) words.splice(at, 1);
      else words.splice(at, 0, word());
    }
    return words.join(' ');
  };
  return { text, edit };
}

type Shingler = (folded: string) => Set<number>;
const wordShingles: Shingler = (folded) => {
  const w = folded.split(' ');
  const out = new Set<number>();
  for (let i = 0; i + 3 <= Math.max(3, w.length); i++)
    out.add(
      shingles(w.slice(i, i + 3).join('_'), 1e9)
        .values()
        .next().value ?? 0,
    );
  return out;
};
const SHINGLERS: [string, Shingler][] = [
  ['5 characters (chosen)', (f) => shingles(f, 5)],
  ['3 characters', (f) => shingles(f, 3)],
  ['3 words', wordShingles],
];

export function measureGrouping(shingler: Shingler, words: number, edits: number, seed = 7) {
  const { text, edit } = corpus(seed + words * 31 + edits);
  const sig = (t: string) => signatureOfShingles(shingler(comparableText(t)));
  let kept = 0;
  let falseGrouped = 0;
  let sum = 0;
  const trials = 200;
  for (let i = 0; i < trials; i++) {
    const original = text(words);
    const copy = edit(original, edits);
    const other = text(words);
    const [a, b, c] = [sig(original), sig(copy), sig(other)];
    sum += resemblance(a, b);
    const groups = groupNearDuplicates([
      { id: 'a', signature: a },
      { id: 'b', signature: b },
      { id: 'c', signature: c },
    ]);
    if (groups.some((g) => g.includes('a') && g.includes('b'))) kept++;
    if (groups.some((g) => g.includes('c'))) falseGrouped++;
  }
  return { kept: kept / trials, falseGrouped: falseGrouped / trials, meanResemblance: sum / trials };
}

export async function nearDuplicatesBench(): Promise<void> {
  console.log('\n## Near-duplicate documents (edited copies; 200 trials each)');
  for (const [name, shingler] of SHINGLERS) {
    for (const [words, edits] of [
      [15, 1],
      [40, 2],
      [150, 5],
      [150, 12],
    ] as const) {
      const m = measureGrouping(shingler, words, edits);
      console.log(
        `${name.padEnd(22)} ${String(words).padStart(3)} words, ${String(edits).padStart(2)} edits: ` +
          `copies grouped ${(m.kept * 100).toFixed(1)}%, unrelated grouped ${(m.falseGrouped * 100).toFixed(1)}%, ` +
          `mean resemblance ${m.meanResemblance.toFixed(2)}`,
      );
    }
  }
  const { text, edit } = corpus(99);
  const docs: Signed[] = [];
  for (let i = 0; i < 1000; i++) {
    const t = text(60);
    docs.push({ id: `o${i}`, signature: signatureOfShingles(shingles(comparableText(t))) });
    docs.push({ id: `e${i}`, signature: signatureOfShingles(shingles(comparableText(edit(t, 3)))) });
  }
  const banded = await time(() => groupNearDuplicates(docs));
  const pairwise = await time(() => {
    let n = 0;
    for (let i = 0; i < docs.length; i++)
      for (let j = 0; j < i; j++) {
        const [a, b] = [docs[i]?.signature, docs[j]?.signature];
        if (a && b && resemblance(a, b) >= 0.5) n++;
      }
    return n;
  });
  console.log(
    `grouping 2,000 documents by bands: ${banded.ms.toFixed(1)} ms (${banded.value.length} groups); ` +
      `every pair compared: ${pairwise.ms.toFixed(1)} ms (${pairwise.value} pairs); ratio ${(pairwise.ms / banded.ms).toFixed(1)}x`,
  );
  await messageIndexingBench();
}

/** What indexing adds to an import per message, beside the folding every entity's search text already costs. */
export async function messageIndexingBench(): Promise<void> {
  const { text } = corpus(5);
  const messages = Array.from({ length: 10_000 }, (_, i) =>
    i % 10 === 0 ? `${text(20)} your passport stays with me until the debt for the flight is paid` : text(40),
  );
  const indexed = await time(() => messages.map((m) => [signatureOf(m), markMessage(m)] as const));
  const folded = await time(() => messages.map((m) => foldText(m)));
  const marked = indexed.value.filter(([, marks]) => marks.length).length;
  console.log(
    `signing and marking 10,000 messages: ${indexed.ms.toFixed(0)} ms (${marked} marked); ` +
      `folding them for the search index: ${folded.ms.toFixed(0)} ms; ratio ${(indexed.ms / folded.ms).toFixed(1)}x`,
  );
}

if (process.argv[1]?.endsWith('nearDuplicates.ts')) await nearDuplicatesBench();
