/** Handling codes: their effect is fixed; their wording is the administrator's to match the agency's manual. */
import { handlingCodes } from '../../domain/access/handlingCodes.ts';
import type { HandlingCode } from '../../domain/access/handlingCodes.ts';
import { listHandlingCodeTexts, putHandlingCodeText } from '../../store/repos/access/handlingCodes.ts';
import { globalUseCase } from '../useCase/index.ts';

export type { HandlingCode };

export interface HandlingCodeWording {
  label: string;
  meaning: string;
  source: string;
}

/** Handling codes H0–H3: meaning, source and what each allows, in the administrator's wording. */
export const handlingCodeCatalogue = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'handling-codes' },
  run: async ({ store }): Promise<{ codes: HandlingCode[] }> => {
    const texts = new Map((await listHandlingCodeTexts(store.db)).map((t) => [t.code, t]));
    return {
      codes: handlingCodes.map((h) => {
        const t = texts.get(h.code);
        return { ...h, ...(t ? { label: t.label, meaning: t.meaning, source: t.source } : {}) };
      }),
    };
  },
});

export const rewordHandlingCode = globalUseCase({
  permission: 'handling:manage',
  audit: { action: 'permission', target: 'handling-code', targetOf: (i: { code: HandlingCode['code'] }) => i.code },
  run: async ({ store, actor }, input: { code: HandlingCode['code']; wording: HandlingCodeWording }) => {
    const { code, wording } = input;
    await putHandlingCodeText(store.db, {
      code,
      ...wording,
      updated_by: actor.id,
      updated_at: new Date().toISOString(),
    });
    return { code, ...wording };
  },
});
