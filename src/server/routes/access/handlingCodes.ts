import { z } from 'zod';
import { handlingCodes } from '../../../domain/access/handlingCodes.ts';
import type { Router } from '../router.ts';

const Code = z.object({ code: z.enum(['H0', 'H1', 'H2', 'H3']) });
const Text = z.strictObject({
  label: z.string().trim().min(1).max(100),
  meaning: z.string().trim().min(1).max(2000),
  source: z.string().trim().min(1).max(500),
});

/** Handling codes: their effect is fixed; their wording is the administrator's to match the agency's manual. */
export function handlingCodeRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/handling-codes',
    tag: 'cases',
    summary: 'Handling codes H0–H3: meaning, source and what each allows',
    access: 'authenticated',
    handler: async ({ store }) => {
      const texts = new Map(
        (await store.db.selectFrom('handling_code_texts').selectAll().execute()).map((t) => [t.code, t]),
      );
      return {
        codes: handlingCodes.map((h) => {
          const t = texts.get(h.code);
          return { ...h, ...(t ? { label: t.label, meaning: t.meaning, source: t.source } : {}) };
        }),
      };
    },
  });

  r({
    method: 'PUT',
    url: '/api/handling-codes/:code',
    tag: 'cases',
    summary: 'Reword a handling code (administrators)',
    params: Code,
    body: Text,
    access: { global: 'handling:manage' },
    audit: { action: 'permission', target: 'handling-code', targetParam: 'code' },
    handler: async ({ store, params, body, actor }) => {
      const row = { code: params.code, ...body, updated_by: actor.id, updated_at: new Date().toISOString() };
      await store.db.deleteFrom('handling_code_texts').where('code', '=', params.code).execute();
      await store.db.insertInto('handling_code_texts').values(row).execute();
      return { code: params.code, ...body };
    },
  });
}
