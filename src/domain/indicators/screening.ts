/**
 * The first-contact screening interview as data: questions phrased for the person in front of
 * the officer, in the four languages of the platform, with notes on trauma-aware interviewing,
 * and for each answer the indicators (Delphi item ids) and acts it records. Answers fill an
 * assessment; they never decide it alone.
 *
 * Sources of the interviewing guidance: WHO, *Ethical and safety recommendations for
 * interviewing trafficked women* (2003); UNODC, *First aid kit for use by law enforcement
 * responders in addressing human trafficking* (2009). Wording is the platform's (unverified).
 */
import type { Act } from './catalogue.ts';
import type { ScreeningQuestion } from './screeningForm.ts';
import { JOURNEY_QUESTIONS } from './screeningJourney.ts';
import { WORK_QUESTIONS } from './screeningWork.ts';

export { SCREENING_GUIDANCE, SCREENING_SOURCE } from './screeningForm.ts';
export type { ScreeningOption, ScreeningQuestion } from './screeningForm.ts';

export const SCREENING_QUESTIONS: ScreeningQuestion[] = [...JOURNEY_QUESTIONS, ...WORK_QUESTIONS];

export interface ScreeningResult {
  itemIds: string[];
  acts: Act[];
  child: boolean;
  /** Question ids answered with an option that does not exist. */
  unknown: string[];
}

/** Answers (question id → chosen option ids) to the indicators, acts and population they record. */
export function screeningToIndicators(answers: Record<string, readonly string[]>): ScreeningResult {
  const items = new Set<string>();
  const acts = new Set<Act>();
  let child = false;
  const unknown: string[] = [];
  for (const [qid, chosen] of Object.entries(answers)) {
    const q = SCREENING_QUESTIONS.find((x) => x.id === qid);
    if (!q || (!q.multiple && chosen.length > 1)) {
      unknown.push(qid);
      continue;
    }
    for (const oid of chosen) {
      const opt = q.options.find((x) => x.id === oid);
      if (!opt) {
        unknown.push(qid);
        continue;
      }
      for (const i of opt.items) items.add(i);
      for (const a of opt.acts) acts.add(a);
      if (opt.child) child = true;
    }
  }
  return { itemIds: [...items], acts: [...acts], child, unknown };
}
