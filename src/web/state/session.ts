/** Who is signed in, and the view state every pane shares (one selection for all views). */
import { create } from 'zustand';
import type { MeOut } from '../../shared/contracts/access.ts';

interface Session {
  /** undefined: not known yet (asking the server); null: signed out. */
  me: MeOut | null | undefined;
  setMe: (me: MeOut | null) => void;
}

export const useSession = create<Session>((set) => ({ me: undefined, setMe: (me) => set({ me }) }));

interface Selection {
  /** The entity the inspector shows, wherever it was selected. */
  selected: { caseId: string; entityId: string } | null;
  select: (caseId: string, entityId: string) => void;
  clear: () => void;
}

export const useSelection = create<Selection>((set) => ({
  selected: null,
  select: (caseId, entityId) => set({ selected: { caseId, entityId } }),
  clear: () => set({ selected: null }),
}));
