/**
 * A small path router on the History API: real URLs (bookmarkable, openable in a new tab),
 * no extra library. Routes are matched into a typed union the app switches on.
 */
import { useLocation } from '../ui/routing/location.ts';
import { matchTraining } from '../features/training/index.ts';
import type { TrainingRoute } from '../features/training/index.ts';

export type Route =
  | { name: 'signIn' }
  | { name: 'cases' }
  | { name: 'case'; caseId: string }
  | { name: 'entities'; caseId: string }
  | { name: 'newEntity'; caseId: string }
  | { name: 'entity'; caseId: string; entityId: string }
  | { name: 'conversation'; caseId: string; entityId: string }
  | { name: 'document'; caseId: string; entityId: string }
  | { name: 'import'; caseId: string }
  | { name: 'evidence'; caseId: string }
  | { name: 'members'; caseId: string }
  | { name: 'caseAudit'; caseId: string }
  | { name: 'finance'; caseId: string }
  | { name: 'chart'; caseId: string }
  | { name: 'chain'; caseId: string }
  | { name: 'timeline'; caseId: string }
  | { name: 'map'; caseId: string }
  | { name: 'moneyFlow'; caseId: string }
  | { name: 'identification'; caseId: string }
  | { name: 'captures'; caseId: string }
  | { name: 'documentSearch'; caseId: string }
  | { name: 'companies'; caseId: string }
  | { name: 'resolution'; caseId: string }
  | { name: 'hits'; caseId: string }
  | { name: 'prosecution'; caseId: string }
  | { name: 'victims'; caseId: string }
  | { name: 'agreements' }
  | { name: 'search' }
  | { name: 'audit' }
  | TrainingRoute
  | { name: 'notFound' };

/** Case views that live at /cases/:id/<slug>; further state (tabs, filters) is in the query string. */
const CASE_VIEWS = [
  ['finance', 'finance'],
  ['chart', 'chart'],
  ['chain', 'chain'],
  ['timeline', 'timeline'],
  ['map', 'map'],
  ['moneyFlow', 'money-flow'],
  ['identification', 'identification'],
  ['captures', 'captures'],
  ['documentSearch', 'document-search'],
  ['companies', 'companies'],
  ['resolution', 'resolution'],
  ['hits', 'hits'],
  ['prosecution', 'prosecution'],
  ['victims', 'victims'],
] as const;

const seg = (s: string | undefined) => decodeURIComponent(s ?? '');

export function matchRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean);
  const [a, b, c, d] = parts;
  if (parts.length === 0) return { name: 'cases' };
  if (a === 'sign-in' && parts.length === 1) return { name: 'signIn' };
  if (a === 'search' && parts.length === 1) return { name: 'search' };
  if (a === 'audit' && parts.length === 1) return { name: 'audit' };
  if (a === 'cooperation' && b === 'agreements' && parts.length === 2) return { name: 'agreements' };
  if (a === 'training') return matchTraining(parts) ?? { name: 'notFound' };
  if (a !== 'cases') return { name: 'notFound' };
  if (parts.length === 1) return { name: 'cases' };
  const caseId = seg(b);
  if (parts.length === 2) return { name: 'case', caseId };
  if (c === 'entities' && parts.length === 3) return { name: 'entities', caseId };
  if (c === 'entities' && d === 'new' && parts.length === 4) return { name: 'newEntity', caseId };
  if (c === 'entities' && parts.length === 4) return { name: 'entity', caseId, entityId: seg(d) };
  if (c === 'conversations' && parts.length === 4) return { name: 'conversation', caseId, entityId: seg(d) };
  if (c === 'documents' && parts.length === 4) return { name: 'document', caseId, entityId: seg(d) };
  if (parts.length === 3 && c === 'import') return { name: 'import', caseId };
  if (parts.length === 3 && c === 'evidence') return { name: 'evidence', caseId };
  if (parts.length === 3 && c === 'members') return { name: 'members', caseId };
  if (parts.length === 3 && c === 'audit') return { name: 'caseAudit', caseId };
  const view = parts.length === 3 ? CASE_VIEWS.find(([, slug]) => slug === c) : undefined;
  if (view) return { name: view[0], caseId };
  return { name: 'notFound' };
}

export const useRoute = (): Route => matchRoute(useLocation((s) => s.path));
