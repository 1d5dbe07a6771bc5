/**
 * The policy layer's rules: every need-to-know decision in one place, deny by default.
 *
 * A user reaches a case as a member (case role lead, member or read-only) or because the case,
 * or a chosen set of its entities, is shared with their agency (read or contribute). Platform
 * roles narrow that further: trainees and trainers never reach operational cases, prosecutors
 * read but do not alter. A case the user may not reach answers "not found", so its existence
 * does not leak. The facts come from the store through `CaseFacts`; the decision is made here.
 */
import { errors } from '../../shared/errors.ts';
import type { Actor } from './actor.ts';

export type CaseAction = 'case:read' | 'case:write' | 'case:manage' | 'case:victims';
export type GlobalAction =
  | 'users:manage'
  | 'cases:create'
  | 'audit:read'
  | 'handling:manage'
  | 'training:manage'
  | 'cooperation:manage'
  | 'indicators:manage';

export const caseRoles = ['lead', 'member', 'readonly'] as const;
export type CaseRole = (typeof caseRoles)[number];

export interface CaseAccess {
  caseId: string;
  via: 'member' | 'share';
  role: CaseRole | 'shared-read' | 'shared-contribute';
  canWrite: boolean;
  canManage: boolean;
  /** May see victims' identities. */
  victimContact: boolean;
  /** Set when only some entities are shared with the user's agency. */
  sharedAgencyId: string | null;
  partial: boolean;
  handlingCode: string | null;
  purpose: string;
}

/** What the policy asks the store about one case, asked only as far as the decision needs. */
export interface CaseFacts {
  kase(): Promise<{ handling_code: string | null; purpose: string } | undefined>;
  /** The owner of the case's exercise sandbox, when it is one. */
  sandboxOwner(): Promise<string | undefined>;
  member(userId: string): Promise<{ case_role: string; victim_contact: number } | undefined>;
  share(agencyId: string): Promise<{ access: string; partial: number } | undefined>;
}

/** Platform roles that only ever work on training and demo material. */
const trainingOnly: ReadonlySet<string> = new Set(['trainee', 'trainer']);
/** Oversight reads the audit trail, never the cases themselves. */
const noCaseData: ReadonlySet<string> = new Set(['dpo']);
/** Platform roles that read case data but never alter it. */
const readOnlyRoles: ReadonlySet<string> = new Set(['prosecutor']);

const globalPermissions: Record<GlobalAction, readonly string[]> = {
  'users:manage': ['admin'],
  'cases:create': ['admin', 'investigator', 'analyst', 'supervisor', 'trainer'],
  'audit:read': ['supervisor', 'admin', 'dpo'],
  'handling:manage': ['admin'],
  /** Cooperation agreements with partner deployments, and answering a partner's query file. */
  'cooperation:manage': ['admin'],
  /** Running cohorts: creating them, enrolling, assigning courses, seeing trainees' scores, exporting SCORM. */
  'training:manage': ['trainer', 'admin'],
  /** Importing an agency's official or national indicator catalogue. */
  'indicators:manage': ['admin'],
};

/** How the actor reaches the case, or null when they do not. */
export async function decideCaseAccess(actor: Actor, caseId: string, facts: CaseFacts): Promise<CaseAccess | null> {
  const kase = await facts.kase();
  if (!kase) return null;
  if (trainingOnly.has(actor.platformRole) && kase.purpose === 'operational') return null;
  if (noCaseData.has(actor.platformRole)) return null;
  // A trainee's exercise sandbox is theirs alone: no other member, no sharing, whatever the rows say.
  const sandboxOwner = kase.purpose === 'training' ? await facts.sandboxOwner() : undefined;
  if (sandboxOwner !== undefined && sandboxOwner !== actor.id) return null;
  const member = await facts.member(actor.id);
  const readOnly = readOnlyRoles.has(actor.platformRole);
  const base = {
    caseId,
    handlingCode: kase.handling_code,
    purpose: kase.purpose,
    sharedAgencyId: null,
    partial: false,
  };
  if (member) {
    const role = (caseRoles as readonly string[]).includes(member.case_role)
      ? (member.case_role as CaseRole)
      : 'readonly';
    return {
      ...base,
      via: 'member',
      role,
      canWrite: !readOnly && role !== 'readonly',
      canManage: !readOnly && role === 'lead',
      victimContact: role === 'lead' || member.victim_contact === 1,
    };
  }
  if (!actor.agencyId || sandboxOwner !== undefined) return null;
  const share = await facts.share(actor.agencyId);
  if (!share) return null;
  const contribute = share.access === 'contribute';
  return {
    ...base,
    via: 'share',
    role: contribute ? 'shared-contribute' : 'shared-read',
    canWrite: !readOnly && contribute,
    canManage: false,
    victimContact: false,
    sharedAgencyId: actor.agencyId,
    partial: share.partial === 1,
  };
}

/** The access when it allows the action; a case not reached is "not found", a lesser access "forbidden". */
export function requireCaseAction(access: CaseAccess | null, actor: Actor, action: CaseAction): CaseAccess {
  if (!access) throw errors.notFound('Case');
  if (!permits(access, action))
    throw errors.forbidden(`Your access to this case (${access.role}, ${actor.platformRole}) does not allow ${action}`);
  return access;
}

/** Whether an established access allows the action. */
export function permits(access: CaseAccess, action: CaseAction): boolean {
  return (
    action === 'case:read' ||
    (action === 'case:write' && access.canWrite) ||
    (action === 'case:manage' && access.canManage) ||
    (action === 'case:victims' && access.victimContact)
  );
}

export function authorizeGlobal(actor: Actor, action: GlobalAction): void {
  if (!globalPermissions[action].includes(actor.platformRole)) {
    throw errors.forbidden(`Your platform role (${actor.platformRole}) does not allow ${action}`);
  }
}
