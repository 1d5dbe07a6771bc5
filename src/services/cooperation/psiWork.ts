/**
 * Hit/no-hit's heavy steps on the worker pool (services/workers): the list is cut into chunks so
 * every pool thread can take one, and other heavy work queued meanwhile takes turns with it.
 */
import { secretToHex } from '../../domain/hits/psi.ts';
import type { HexPoint, PsiSecret, PsiSelector } from '../../domain/hits/psi.ts';
import { runTask } from '../workers/index.ts';
import type { PsiBlindInput } from './psiBlind.task.ts';

const TASK = new URL('./psiBlind.task.ts', import.meta.url);
/** Big enough that a thread's hand-over costs little, small enough to spread over threads. */
const CHUNK = 2_000;

function chunks<T>(items: readonly T[]): { part: T[]; offset: number }[] {
  const out: { part: T[]; offset: number }[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push({ part: items.slice(i, i + CHUNK), offset: i });
  return out;
}

/** H(x)^secret for each selector, in order. */
export async function blindOnPool(
  secret: PsiSecret,
  agreementId: string,
  selectors: readonly PsiSelector[],
): Promise<HexPoint[]> {
  const hex = secretToHex(secret);
  const parts = await Promise.all(
    chunks(selectors).map(({ part }) =>
      runTask<PsiBlindInput, HexPoint[]>(TASK, { op: 'blind', secret: hex, agreementId, selectors: part }),
    ),
  );
  return parts.flat();
}

/** p^secret for each of a partner's points, in order; an invalid point is a 400 naming `path.i`. */
export async function reblindOnPool(secret: PsiSecret, points: readonly HexPoint[], path: string): Promise<HexPoint[]> {
  const hex = secretToHex(secret);
  const parts = await Promise.all(
    chunks(points).map(({ part, offset }) =>
      runTask<PsiBlindInput, HexPoint[]>(TASK, { op: 'reblind', secret: hex, points: part, offset, path }),
    ),
  );
  return parts.flat();
}
