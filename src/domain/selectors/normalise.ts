/**
 * One entry point for every selector kind, so ingest, search and the API normalise a value the
 * same way without knowing which function handles which kind.
 */
import type { SelectorKind } from '../schema/types.ts';
import { errors } from '../../shared/errors.ts';
import { normaliseEmail } from './email.ts';
import { normaliseIban } from './iban.ts';
import { normaliseAccount, normaliseDocument, normalisePlate } from './identifiers.ts';
import { nameKey } from '../../shared/names/index.ts';
import { normalisePhone } from './phone.ts';
import { fail, ok } from './result.ts';
import type { SelectorResult } from './result.ts';

export interface SelectorOptions {
  /** ISO 3166-1 alpha-2 country for phone numbers written without a country code. */
  readonly defaultCountry?: string;
}

/** Every selector kind, in a stable order (for forms, docs and exhaustive tests). */
export const SELECTOR_KINDS: readonly SelectorKind[] = [
  'phone',
  'iban',
  'account',
  'email',
  'plate',
  'document',
  'name',
];

export const isSelectorKind = (value: string): value is SelectorKind =>
  (SELECTOR_KINDS as readonly string[]).includes(value);

/** Normalise `raw` as a selector of `kind`. Never throws on bad input. */
export function normaliseSelector(kind: SelectorKind, raw: string, opts: SelectorOptions = {}): SelectorResult {
  switch (kind) {
    case 'phone':
      return normalisePhone(raw, opts.defaultCountry);
    case 'iban':
      return normaliseIban(raw);
    case 'account':
      return normaliseAccount(raw);
    case 'email':
      return normaliseEmail(raw);
    case 'plate':
      return normalisePlate(raw);
    case 'document':
      return normaliseDocument(raw);
    case 'name': {
      const key = nameKey(raw);
      return key === '' ? fail('name has no letters or digits') : ok(key);
    }
  }
}

/**
 * Like normaliseSelector, but throws AppError `invalid_selector` (HTTP 400) naming `path`,
 * for call sites where a bad selector ends the request.
 */
export function normaliseSelectorOrThrow(
  kind: SelectorKind,
  raw: string,
  path: string,
  opts: SelectorOptions = {},
): string {
  const result = normaliseSelector(kind, raw, opts);
  if (!result.ok) throw errors.invalidSelector(`Invalid ${kind}: ${result.reason}`, path);
  return result.value;
}
