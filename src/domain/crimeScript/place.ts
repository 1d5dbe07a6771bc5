/**
 * Places a case's entities in the crime-script lanes by the rules in rules.ts, to a fixed point,
 * and says why for each placement. Pure: the caller loads entities, the account pairs money
 * moved between, the groups of entities sharing a phone or e-mail, and the analyst's choices.
 */
import { edgeOf, isA } from '../schema/index.ts';
import { CRIME_SCRIPT_FUNCTIONS, type CrimeScriptFunction } from '../schema/thb.vocabulary.ts';
import {
  FUNCTION_LANES,
  LINK_RULES,
  SCHEMA_LANES,
  SEED_REASONS,
  SELECTOR_RULES,
  TRANSFER_RULE,
  type AnchorKind,
  type LinkRule,
} from './rules.ts';
import { LANES, type Lane } from './stages.ts';

export interface ChainEntity {
  id: string;
  schema: string;
  properties: Readonly<Record<string, readonly string[]>>;
}

export interface ManualPlacement {
  entityId: string;
  /** A lane, or 'none' to keep the entity out of the chain whatever the rules say. */
  lane: Lane | 'none';
}

export interface ChainInput {
  entities: readonly ChainEntity[];
  /** Distinct (payer account → payee account) pairs, both accounts entities of the case. */
  transfers?: readonly { from: string; to: string }[];
  /** Entities sharing one normalised phone number or e-mail address. */
  sharedContacts?: readonly (readonly string[])[];
  manual?: readonly ManualPlacement[];
}

export interface Reason {
  /** Rule id (`chain.reason.<id>` in the web), `function` or `manual`. */
  rule: string;
  /** The entity that led here (the anchor), when there is one. */
  via: string | null;
  /** The link or record the rule read, when there is one. */
  record: string | null;
  /** The crime-script function, for `function` reasons. */
  detail?: string;
}

export interface Placement {
  entityId: string;
  lane: Lane;
  reasons: Reason[];
}

export interface ChainResult {
  placements: Placement[];
  /** Victims, presumed victims and persons the rules found recruited, employed, housed or controlled in the chain. */
  exploited: string[];
  /** Suspects and implicated entities no rule placed: for the analyst to place by hand. */
  unplaced: string[];
}

const MAX_ROUNDS = 50;
const PROCEDURAL_EXPLOITED = new Set(['victim', 'presumedVictim']);

function words(role: readonly string[] | undefined): Set<string> {
  return new Set((role ?? []).flatMap((r) => r.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter(Boolean));
}

export function placeInChain(input: ChainInput): ChainResult {
  const byId = new Map(input.entities.map((e) => [e.id, e]));
  const manual = new Map((input.manual ?? []).map((m) => [m.entityId, m.lane]));
  const excluded = new Set([...manual].filter(([, lane]) => lane === 'none').map(([id]) => id));
  const placements = new Map<string, Map<Lane, Reason[]>>();
  const implicated = new Set<string>();
  const exploited = new Set<string>();
  let changed = true;

  const place = (id: string, lane: Lane, reason: Reason, implicates: boolean): void => {
    if (excluded.has(id) || !byId.has(id)) return;
    let lanes = placements.get(id);
    if (!lanes) placements.set(id, (lanes = new Map()));
    let reasons = lanes.get(lane);
    if (!reasons) {
      lanes.set(lane, (reasons = []));
      changed = true;
    }
    if (!reasons.some((r) => r.rule === reason.rule && r.via === reason.via && r.record === reason.record))
      reasons.push(reason);
    if (implicates && !implicated.has(id)) {
      implicated.add(id);
      changed = true;
    }
  };
  const markExploited = (id: string): void => {
    if (excluded.has(id) || exploited.has(id) || byId.get(id)?.schema !== 'Person') return;
    exploited.add(id);
    changed = true;
  };
  const is = (id: string, kind: AnchorKind): boolean => {
    if (kind === 'exploited') return exploited.has(id);
    if (kind === 'implicated') return implicated.has(id);
    if (kind === 'involved') return exploited.has(id) || implicated.has(id);
    return placements.has(id);
  };

  // Seeds: procedural status, crime-script functions, the analyst's placements.
  for (const e of input.entities) {
    if (e.schema !== 'Person' || excluded.has(e.id)) continue;
    const status = e.properties.proceduralStatus?.[0];
    if (status === 'suspect') implicated.add(e.id);
    if (status && PROCEDURAL_EXPLOITED.has(status)) exploited.add(e.id);
    for (const f of e.properties.crimeScriptFunctions ?? []) {
      if (!(CRIME_SCRIPT_FUNCTIONS as readonly string[]).includes(f)) continue;
      for (const lane of FUNCTION_LANES[f as CrimeScriptFunction])
        place(e.id, lane, { rule: SEED_REASONS.function, via: null, record: null, detail: f }, true);
    }
  }
  for (const [id, lane] of manual)
    if (lane !== 'none') place(id, lane, { rule: SEED_REASONS.manual, via: null, record: null }, true);
  for (const e of input.entities) {
    for (const s of SCHEMA_LANES)
      if (isA(e.schema, s.schema)) place(e.id, s.lane, { rule: s.id, via: null, record: null }, true);
  }

  const applicable = input.entities
    .map((e) => ({ e, rules: LINK_RULES.filter((r) => isA(e.schema, r.schema)) }))
    .filter((x) => x.rules.length > 0);
  const ends = (e: ChainEntity, prop: string): readonly string[] => {
    if (prop === '@self') return [e.id];
    const edge = edgeOf(e.schema);
    if (prop === '@source') return edge ? (e.properties[edge.source] ?? []) : [];
    if (prop === '@target') return edge ? (e.properties[edge.target] ?? []) : [];
    return e.properties[prop] ?? [];
  };
  const fits = (rule: LinkRule, target: string): boolean => {
    const t = byId.get(target);
    if (!t) return false;
    if (rule.onlySchemata && !rule.onlySchemata.some((s) => isA(t.schema, s))) return false;
    if (rule.notExploited && exploited.has(target)) return false;
    return true;
  };

  const contactsOf = new Map<string, string[][]>();
  for (const group of input.sharedContacts ?? [])
    for (const id of group) contactsOf.set(id, [...(contactsOf.get(id) ?? []), [...group]]);

  for (let round = 0; changed && round < MAX_ROUNDS; round++) {
    changed = false;
    for (const { e, rules } of applicable) {
      for (const rule of rules) {
        if (rule.roleWords) {
          const w = words(e.properties.role);
          if (!rule.roleWords.some((x) => w.has(x))) continue;
        }
        const anchors = ends(e, rule.anchor).filter((a) => is(a, rule.anchorIs));
        if (!anchors.length) continue;
        for (const target of ends(e, rule.place)) {
          if (target === anchors[0] || !fits(rule, target)) continue;
          const reason: Reason = {
            rule: rule.id,
            via: rule.anchor === '@self' ? null : (anchors[0] ?? null),
            record: e.id,
          };
          if (rule.lane === 'exploited') markExploited(target);
          else place(target, rule.lane, reason, rule.implicates);
        }
      }
    }
    for (const t of input.transfers ?? []) {
      if (implicated.has(t.from) && byId.get(t.to)?.schema === 'BankAccount')
        place(t.to, TRANSFER_RULE.lane, { rule: TRANSFER_RULE.id, via: t.from, record: null }, true);
    }
    for (const [id, groups] of contactsOf) {
      for (const group of groups) {
        const node = byId.get(id);
        if (!node) continue;
        if (SELECTOR_RULES.usedBy.nodeSchemata.includes(node.schema)) {
          const user = group.find((g) => g !== id && is(g, 'involved'));
          if (user)
            place(id, SELECTOR_RULES.usedBy.lane, { rule: SELECTOR_RULES.usedBy.id, via: user, record: null }, true);
        } else if (!exploited.has(id) && node.schema !== 'OnlineAd') {
          const ad = group.find((g) => g !== id && byId.get(g)?.schema === 'OnlineAd' && implicated.has(g));
          if (ad)
            place(
              id,
              SELECTOR_RULES.usesAdContact.lane,
              { rule: SELECTOR_RULES.usesAdContact.id, via: ad, record: null },
              true,
            );
        }
      }
    }
  }

  const out: Placement[] = [];
  for (const [entityId, lanes] of placements) {
    for (const lane of LANES) {
      const reasons = lanes.get(lane);
      if (reasons) out.push({ entityId, lane, reasons });
    }
  }
  const unplaced = [...implicated].filter((id) => !placements.has(id) && !exploited.has(id));
  // Associates and relatives of suspects are candidates too: the analyst decides.
  for (const e of input.entities) {
    const edge = edgeOf(e.schema);
    if (!edge || !(isA(e.schema, 'Family') || isA(e.schema, 'Associate'))) continue;
    const [a, b] = [e.properties[edge.source]?.[0], e.properties[edge.target]?.[0]];
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      if (
        x &&
        y &&
        implicated.has(x) &&
        !placements.has(y) &&
        !exploited.has(y) &&
        !excluded.has(y) &&
        byId.has(y) &&
        !unplaced.includes(y)
      )
        unplaced.push(y);
    }
  }
  return { placements: out, exploited: [...exploited].sort(), unplaced: unplaced.sort() };
}
