/**
 * Where the app is: the address on the History API (real URLs, bookmarkable, openable in a new
 * tab) as a small store every page can read and move.
 */
import { create } from 'zustand';

interface Location {
  path: string;
  search: string;
  navigate: (to: string, opts?: { replace?: boolean }) => void;
}

export const useLocation = create<Location>((set) => ({
  path: window.location.pathname,
  search: window.location.search,
  navigate: (to, opts) => {
    const url = new URL(to, window.location.origin);
    if (opts?.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    set({ path: url.pathname, search: url.search });
    window.scrollTo(0, 0);
  },
}));

window.addEventListener('popstate', () =>
  useLocation.setState({ path: window.location.pathname, search: window.location.search }),
);

export const useQueryParam = (name: string): string | null =>
  new URLSearchParams(useLocation((s) => s.search)).get(name);
export const navigate = (to: string, opts?: { replace?: boolean }): void => useLocation.getState().navigate(to, opts);
