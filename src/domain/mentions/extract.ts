/**
 * Mentions: what a message or a document says that can join the case — phones (the capture
 * extractor, with the same country preference as ads), e-mail addresses, IBANs and other account
 * numbers, personal codes, passport numbers, company registration numbers, amounts with their
 * currency, dates, places, and the persons and companies the case already holds. Each keeps the
 * text as written, its place and a snippet around it, which is the evidence an analyst decides on.
 *
 * Where two finds cover the same characters the more specific wins (an IBAN over the phone its
 * digits could be read as; a personal code over a date), in the order of KIND_PRIORITY.
 */
import { MENTION_KIND_VALUES } from '../../shared/contracts/mentions.ts';
import { extractPrices } from '../captures/adFacts.ts';
import { extractEmails } from '../extraction/emails.ts';
import { extractPhones } from '../extraction/phones.ts';
import { extractPlaces } from '../extraction/places.ts';
import { extractIdentifiers } from './identifiers.ts';
import { findNames, type NameIndex } from './names.ts';

/** The kinds, in the order that decides overlaps (the API's own list). */
export const MENTION_KINDS = MENTION_KIND_VALUES;
export type MentionKind = (typeof MENTION_KINDS)[number];

/** Identifiers that name one holder: assembly joins records that share them. */
export const STRONG_KINDS: ReadonlySet<MentionKind> = new Set(['phone', 'email', 'iban', 'nationalId', 'document']);

export interface FoundMention {
  kind: MentionKind;
  /** Normalised: E.164, IBAN, address, `cc:code`, ISO date, "150 EUR", the place's or case's name. */
  value: string;
  raw: string;
  start: number;
  end: number;
  /** The words around it (at most SNIPPET_CONTEXT characters either side), on one line. */
  snippet: string;
  /** The case's person or company, for a name. */
  entityId?: string;
}

export interface MentionOptions {
  /** Countries to read numbers without a country code in, strongest first (phoneCountries). */
  countries?: readonly string[];
  language?: string | null;
  /** The persons and companies of the case (names.ts nameIndex). */
  names?: NameIndex;
}

export const SNIPPET_CONTEXT = 60;
const PRIORITY = new Map(MENTION_KINDS.map((k, i) => [k, i]));

/** The words around [start, end): whole words only, so a cut never leaves part of a name. */
export function snippetOf(text: string, start: number, end: number): string {
  let from = Math.max(0, start - SNIPPET_CONTEXT);
  let to = Math.min(text.length, end + SNIPPET_CONTEXT);
  if (from > 0 && /\S/u.test(text[from - 1] ?? '')) {
    const space = text.slice(from, start).search(/\s/u);
    from = space < 0 ? start : from + space;
  }
  if (to < text.length && /\S/u.test(text[to] ?? '')) {
    const space = text.slice(end, to).search(/\s\S*$/u);
    to = space < 0 ? end : end + space;
  }
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/gu, ' ').trim()}${to < text.length ? '…' : ''}`;
}

type Span = Omit<FoundMention, 'snippet'>;

function amountValue(amount: number, currency: string): string {
  return `${Number.isInteger(amount) ? amount : amount.toFixed(2)} ${currency}`;
}

/** Every mention in `text`, in order of appearance. Never throws. */
export function extractMentions(text: string, opts: MentionOptions = {}): FoundMention[] {
  const spans: Span[] = [];
  for (const e of extractEmails(text))
    spans.push({ kind: 'email', value: e.email, raw: e.raw, start: e.start, end: e.end });
  for (const p of extractPhones(text, { countries: opts.countries ?? [], language: opts.language })) {
    // An ambiguous number (no country preferred) is no mention to join on.
    if (p.e164) spans.push({ kind: 'phone', value: p.e164, raw: p.raw, start: p.start, end: p.end });
  }
  for (const i of extractIdentifiers(text)) spans.push(i);
  for (const p of extractPrices(text))
    spans.push({ kind: 'amount', value: amountValue(p.amount, p.currency), raw: p.raw, start: p.start, end: p.end });
  for (const p of extractPlaces(text))
    spans.push({ kind: 'place', value: p.name, raw: p.raw, start: p.start, end: p.end });
  if (opts.names)
    for (const n of findNames(text, opts.names))
      spans.push({ kind: n.kind, value: n.value, raw: n.raw, start: n.start, end: n.end, entityId: n.entityId });
  spans.sort((a, b) => (PRIORITY.get(a.kind) ?? 99) - (PRIORITY.get(b.kind) ?? 99) || a.start - b.start);
  const kept: Span[] = [];
  for (const s of spans) if (kept.every((k) => s.end <= k.start || s.start >= k.end)) kept.push(s);
  kept.sort((a, b) => a.start - b.start);
  return kept.map((s) => ({ ...s, snippet: snippetOf(text, s.start, s.end) }));
}
