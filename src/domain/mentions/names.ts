/**
 * Names of persons and companies the case already holds, found in text as written — in any
 * order of given name and surname, without diacritics or in Cyrillic (folded as the one name
 * matcher folds), and in the inflected forms of Latvian, Lithuanian, Estonian and Finnish
 * (inflection.ts). A person needs at least two of their name's words side by side, so a lone
 * "Jānis" is no mention; a company needs its name without the legal form, of at least six
 * letters. Every find is confirmed with the one name matcher on the base forms.
 */
import { foldText, nameMatches } from '../../shared/names/index.ts';
import { abbreviateLegalForm, LEGAL_FORMS } from '../companies/legalForms.ts';
import { inflectedForms } from './inflection.ts';

export interface KnownName {
  entityId: string;
  kind: 'person' | 'company';
  /** The names the case holds for it (name, aliases). */
  names: readonly string[];
}

export interface FoundName {
  kind: 'person' | 'company';
  entityId: string;
  /** The case's name that was found. */
  value: string;
  raw: string;
  start: number;
  end: number;
}

interface Entry {
  known: KnownName;
  name: string;
  words: readonly string[];
  /** Folded form → index of the word it is a form of. */
  forms: ReadonlyMap<string, number>;
}

export interface NameIndex {
  entries: readonly Entry[];
  /** Folded form → entries having a word of that form. */
  byForm: ReadonlyMap<string, readonly Entry[]>;
}

const SHORT_FORMS = new Set(LEGAL_FORMS.map((f) => f.short));

function entryOf(known: KnownName, name: string): Entry | null {
  const raw = known.kind === 'company' ? abbreviateLegalForm(name) : name;
  const words = raw
    .split(/[^\p{L}\p{M}\p{N}'’-]+/u)
    .filter((w) => w && !(known.kind === 'company' && SHORT_FORMS.has(w)));
  if (known.kind === 'person' && words.length < 2) return null;
  if (known.kind === 'company' && words.join('').length < 6) return null;
  const forms = new Map<string, number>();
  words.forEach((w, i) => {
    const all = known.kind === 'person' || i === words.length - 1 ? inflectedForms(w) : new Set([foldText(w)]);
    for (const f of all) if (!forms.has(f)) forms.set(f, i);
  });
  return { known, name, words, forms };
}

export function nameIndex(known: readonly KnownName[]): NameIndex {
  const entries: Entry[] = [];
  const byForm = new Map<string, Entry[]>();
  for (const k of known)
    for (const n of k.names) {
      const e = entryOf(k, n);
      if (!e) continue;
      entries.push(e);
      for (const f of e.forms.keys()) byForm.set(f, [...(byForm.get(f) ?? []), e]);
    }
  return { entries, byForm };
}

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;

export function findNames(text: string, index: NameIndex): FoundName[] {
  const words = [...text.matchAll(WORD)].map((m) => ({
    folded: foldText(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
  const out: FoundName[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w) continue;
    let best: { entry: Entry; n: number } | null = null;
    for (const entry of index.byForm.get(w.folded) ?? []) {
      const n = entry.words.length;
      if (best && best.n >= n) continue;
      const run = words.slice(i, i + n);
      if (run.length < n) continue;
      const used = new Set<number>();
      let ok = true;
      for (const [k, r] of run.entries()) {
        // A company's words keep their order; a person's may come surname first.
        const at = entry.forms.get(r.folded);
        if (at === undefined || used.has(at) || (entry.known.kind === 'company' && at !== k)) ok = false;
        else used.add(at);
        // Words of one name stand together: nothing but spaces (or a comma in "Surname, Given").
        const next = run[k + 1];
        if (next && !/^[\s,]*$/u.test(text.slice(r.end, next.start))) ok = false;
      }
      if (ok && nameMatches([...used].map((u) => entry.words[u] ?? '').join(' '), entry.name)) best = { entry, n };
    }
    if (best) {
      const last = words[i + best.n - 1];
      if (!last) continue;
      out.push({
        kind: best.entry.known.kind,
        entityId: best.entry.known.entityId,
        value: best.entry.name,
        raw: text.slice(w.start, last.end),
        start: w.start,
        end: last.end,
      });
      i += best.n - 1;
    }
  }
  return out;
}
