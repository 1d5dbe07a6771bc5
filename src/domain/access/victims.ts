/**
 * Victims' identities are shown only to those with the victim-contact permission on the case
 * (Directive 2012/29/EU on victims' rights; Directive 2016/680 art. 6 distinguishes victims
 * from suspects). Everyone else sees a stable pseudonym and only non-identifying properties.
 */
import type { Properties } from '../schema/types.ts';

export const victimStatuses: ReadonlySet<string> = new Set(['victim', 'presumedVictim']);

export function isVictim(schema: string, properties: Properties): boolean {
  return schema === 'Person' && (properties['proceduralStatus'] ?? []).some((s) => victimStatuses.has(s));
}

/** Properties that say nothing about who the person is; all others are withheld. */
const NON_IDENTIFYING: ReadonlySet<string> = new Set(['proceduralStatus', 'crimeScriptFunctions', 'gender']);

export function redactVictim(properties: Properties): Properties {
  const out: Properties = {};
  for (const [k, v] of Object.entries(properties)) if (NON_IDENTIFYING.has(k)) out[k] = v;
  return out;
}

/** A stable pseudonym from the entity id: the same person has the same pseudonym everywhere. */
export function pseudonymOf(entityId: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < entityId.length; i++) {
    h ^= entityId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `V-${h.toString(36).toUpperCase().padStart(7, '0').slice(-7)}`;
}
