/**
 * Contracts of the company chains and red flags, and of entity resolution (candidates,
 * decisions, merges). Shared by the API, the CLI and the workspace.
 */
import { z } from 'zod';
import { Id } from './common.ts';

export const FLAG_RULE_NAMES = [
  'sharedAddress',
  'directorManyBoards',
  'directorAge',
  'recentlyRegistered',
  'noStaffManyPosted',
  'payrollGap',
  'phoenix',
  'postingTooLong',
  'repeatedPosting',
] as const;

/** `rules=phoenix,directorAge`: a comma list of rule names; unknown names are refused by name. */
export const CompanyFlagsQuery = z.object({
  rules: z
    .string()
    .max(500)
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s.trim() === '') return undefined;
      const names = s.split(',').map((x) => x.trim());
      const bad = names.find((n) => !(FLAG_RULE_NAMES as readonly string[]).includes(n));
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', message: `unknown rule "${bad}"; known: ${FLAG_RULE_NAMES.join(', ')}` });
        return z.NEVER;
      }
      return names as (typeof FLAG_RULE_NAMES)[number][];
    }),
});

export interface CompanyFlagOut {
  rule: (typeof FLAG_RULE_NAMES)[number];
  companyId: string;
  facts: Record<string, string | number>;
  explanation: string;
  evidenceIds: string[];
}

export interface ChainWorkerOut {
  id: string;
  name: string;
  /** Posted by this company (a Posting), not only employed by it. */
  posted: boolean;
  start: string | null;
  end: string | null;
  hostCountry: string | null;
}

export interface ChainNodeOut {
  companyId: string;
  name: string;
  country: string | null;
  via: {
    linkId: string;
    kind: 'subcontract' | 'posting';
    contract: string | null;
    start: string | null;
    end: string | null;
  } | null;
  children: ChainNodeOut[];
  workers: ChainWorkerOut[];
  cycle: boolean;
}

export interface CompanyViewOut {
  chains: ChainNodeOut[];
  flags: Record<string, CompanyFlagOut[]>;
  /** What each company's flags say together: a letterbox or a phoenix successor, with the rules that show it. */
  patterns?: Record<string, { pattern: 'letterbox' | 'phoenixSuccessor'; rules: (typeof FLAG_RULE_NAMES)[number][] }>;
  companies: { id: string; name: string; country: string | null; inChain: boolean }[];
}

export const ResolutionQuery = z.object({
  schema: z.enum(['Person', 'Company', 'Organization', 'LegalEntity']).default('Person'),
  threshold: z.coerce.number().min(0).max(1).default(0.5),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  decided: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const DecisionBody = z.object({
  a: Id,
  b: Id,
  decision: z.enum(['rejected', 'unsure']),
});

export const MergeBody = z.object({
  keep: Id.describe('The entity that stays'),
  merge: Id.describe('The entity merged into it and removed'),
});

export interface ReasonOut {
  feature: 'name' | 'birthDate' | 'identifier' | 'phone' | 'email' | 'address';
  verdict: 'agree' | 'close' | 'differ';
  weight: number;
  value: number;
}

export interface CandidateOut {
  pairKey: string;
  a: { id: string; schema: string; caption: string };
  b: { id: string; schema: string; caption: string };
  score: number;
  total: number;
  reasons: ReasonOut[];
  decision: 'merged' | 'rejected' | 'unsure' | null;
  /** `conflict`: records sharing a strong identifier whose facts disagree, raised on import (not merged). */
  kind: 'duplicate' | 'conflict';
  reason?: string;
}

export interface MergeOut {
  id: string;
  keepId: string;
  mergedId: string;
  mergedAt: string;
  undoneAt: string | null;
  /** Links and records now pointing at the kept entity. */
  repointed: number;
}
