import { useEffect } from 'react';

/** Every page names itself in the window title: what a screen reader announces first. */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} — ELECT THB` : 'ELECT THB';
  }, [title]);
}
