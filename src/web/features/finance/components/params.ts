/** The finance page's state in the query string: tab, account, counterparty, finding, filters. */
import { navigate, useLocation } from '../../../ui/routing/location.ts';
import { paths } from '../../../ui/routing/paths.ts';

export const FINANCE_TABS = ['accounts', 'transactions', 'findings', 'proceeds'] as const;
export type FinanceTab = (typeof FINANCE_TABS)[number];

const KEYS = ['tab', 'account', 'counterparty', 'finding', 'rule', 'status'] as const;
type Key = (typeof KEYS)[number];
export type FinanceParams = Partial<Record<Key, string>> & { tab: FinanceTab };

export function useFinanceParams(caseId: string) {
  const search = useLocation((s) => s.search);
  const sp = new URLSearchParams(search);
  const raw = Object.fromEntries(KEYS.map((k) => [k, sp.get(k) ?? undefined]).filter(([, v]) => v)) as Partial<
    Record<Key, string>
  >;
  const tab = (FINANCE_TABS as readonly string[]).includes(raw.tab ?? '') ? (raw.tab as FinanceTab) : 'accounts';
  const params: FinanceParams = { ...raw, tab };
  /** A new address from these changes (undefined or '' removes a key). */
  const href = (patch: Partial<Record<Key, string | undefined>>): string => {
    const next: Record<string, string> = {};
    for (const k of KEYS) {
      const v = k in patch ? patch[k] : params[k];
      if (v) next[k] = v;
    }
    return paths.finance(caseId, next);
  };
  const set = (patch: Partial<Record<Key, string | undefined>>, opts?: { replace?: boolean }) => {
    const y = window.scrollY;
    navigate(href(patch), opts);
    // Changing a filter is not a new page: stay where the reader was.
    if (opts?.replace) window.scrollTo(0, y);
  };
  return { params, href, set };
}
