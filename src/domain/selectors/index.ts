/**
 * Selectors: values investigators search by exactly (phone numbers, IBANs, other accounts,
 * e-mail addresses, plates, document numbers, names), normalised so that differently written
 * forms of the same value compare equal. Pure functions, no I/O.
 */
export type { SelectorResult } from './result.ts';
export type { SelectorOptions } from './normalise.ts';
export { normaliseSelector, normaliseSelectorOrThrow, SELECTOR_KINDS, isSelectorKind } from './normalise.ts';
export { normalisePhone } from './phone.ts';
export { normaliseIban } from './iban.ts';
export { normaliseEmail } from './email.ts';
export { normaliseAccount, normaliseDocument, normalisePlate, foldHomoglyphs } from './identifiers.ts';
export { foldText, nameKey, nameTokens } from '../../shared/names/index.ts';
export { addressKey as foldAddress } from './address.ts';
