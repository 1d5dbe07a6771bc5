/**
 * The trafficking crime script as lanes of the chain view.
 *
 * Stages, in order: recruitment → documents & identity → transport & entry → accommodation →
 * exploitation → finance & laundering; advertising and communication are infrastructure used
 * across stages. Sources: the barrier model of the Dutch approach to THB (Netherlands Center
 * for Crime Prevention and Security / EU Handbook on the barrier model, 2013: entry, housing,
 * identity, labour, finances), the UN.GIFT "business model" of trafficking (UNODC 2008,
 * *An Introduction to Human Trafficking: Vulnerability, Impact and Action*) and DOMAIN.md §3.
 */

export const STAGES = ['recruitment', 'documents', 'transport', 'accommodation', 'exploitation', 'finance'] as const;
export const INFRASTRUCTURE = ['advertising', 'communication'] as const;
export const LANES = [...STAGES, ...INFRASTRUCTURE] as const;

export type Stage = (typeof STAGES)[number];
export type Lane = (typeof LANES)[number];

export const STAGE_SOURCE =
  'Barrier model (EU Handbook on the barrier model against THB, 2013); UNODC/UN.GIFT 2008 business model of trafficking; DOMAIN.md §3';

export function isLane(value: string): value is Lane {
  return (LANES as readonly string[]).includes(value);
}

/** Position of a stage in the script (infrastructure lanes have none). */
export function stageIndex(lane: Lane): number {
  return (STAGES as readonly string[]).indexOf(lane);
}
