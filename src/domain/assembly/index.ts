/** Assembly: strong identifiers that join a case's records across imports and schemata. */
export { nationalId, type IdCountry, type NationalId } from './nationalIds.ts';
export { strongKeys, type KeyKind, type KeyedRecord, type StrongKey } from './keys.ts';
export { bestNameSimilarity, judgeHolders, judgeStrong, NAME_AGREES, NAME_DIFFERS, type Verdict } from './judge.ts';
