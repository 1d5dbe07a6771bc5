/**
 * Pool task: the curve arithmetic of hit/no-hit (hash to the group and blind own selectors, or
 * re-blind a partner's points) on a worker thread, so a 10,000-selector query never holds the
 * request loop. A point the group refuses comes back as a validation error naming its position.
 */
import { blind, reblind, secretFromHex } from '../../domain/hits/psi.ts';
import type { HexPoint, PsiSelector } from '../../domain/hits/psi.ts';
import { errors } from '../../shared/errors.ts';
import { asOutcome } from '../workers/index.ts';
import type { TaskOutcome } from '../workers/index.ts';

export type PsiBlindInput =
  | { op: 'blind'; secret: string; agreementId: string; selectors: PsiSelector[] }
  | { op: 'reblind'; secret: string; points: HexPoint[]; offset: number; path: string };

export default function psiBlindTask(input: PsiBlindInput): Promise<TaskOutcome<HexPoint[]>> {
  return asOutcome(() => {
    const secret = secretFromHex(input.secret);
    if (input.op === 'blind') return input.selectors.map((s) => blind(secret, input.agreementId, s));
    return input.points.map((p, i) => {
      try {
        return reblind(secret, p);
      } catch (e) {
        throw errors.validation(
          `A value is not a valid group element: ${(e as Error).message}`,
          `${input.path}.${input.offset + i}`,
        );
      }
    });
  });
}
