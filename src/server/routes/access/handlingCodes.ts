import { z } from 'zod';
import { handlingCodeCatalogue, rewordHandlingCode } from '../../../services/access/index.ts';
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
    handler: ({ store, caller }) => handlingCodeCatalogue(store, caller),
  });

  r({
    method: 'PUT',
    url: '/api/handling-codes/:code',
    tag: 'cases',
    summary: 'Reword a handling code (administrators)',
    params: Code,
    body: Text,
    access: { global: 'handling:manage' },
    handler: ({ store, caller, params, body }) =>
      rewordHandlingCode(store, caller, { code: params.code, wording: body }),
  });
}
