import { useMembers } from './hooks.ts';

/** Names for user ids shown in a case (authors, who changed what); members are known by name. */
export function useUserNames(caseId: string): (id: string) => string {
  const members = useMembers(caseId);
  const byId = new Map((members.data?.members ?? []).map((m) => [m.userId, m.displayName]));
  return (id) => byId.get(id) ?? id.slice(0, 8);
}
