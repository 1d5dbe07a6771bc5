/** Small text helpers shared by the identifier normalisers. */

/** NFKC (full-width → ASCII, ligatures split) and upper case. */
export const upperNfkc = (s: string): string => s.normalize('NFKC').toUpperCase().normalize('NFKC');

/** Remove combining marks after canonical decomposition: "Ö" → "O", "Š" → "S". */
export const stripMarks = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '');

/**
 * Apply a cleaning step until it changes nothing. Case mapping, Unicode normalisation and
 * removing separators do not commute: "ῒ" upper-cases to three code points that NFKC then
 * recomposes, NFKC turns "㎏" into lower-case "kg" and "⒈" into "1.", and removing a dash can
 * bring a letter and a stray combining mark together. One pass can therefore leave text that a
 * second pass changes, and normalising an already normalised value must change nothing (it is
 * stored and compared). Real input settles in one or two rounds; the bound is a safety net.
 */
export function untilStable(step: (s: string) => string, raw: string): string {
  let current = step(raw);
  for (let round = 0; round < 8; round++) {
    const next = step(current);
    if (next === current) break;
    current = next;
  }
  return current;
}
