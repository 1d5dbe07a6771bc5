/**
 * The outcome of normalising one selector value. Normalisers never throw on bad input: callers
 * (ingest, search forms, the API) decide whether a bad value is an error, a warning or a skip.
 */
export type SelectorResult = { ok: true; value: string } | { ok: false; reason: string };

export const ok = (value: string): SelectorResult => ({ ok: true, value });
export const fail = (reason: string): SelectorResult => ({ ok: false, reason });
