/** Shapes shared by every API contract. One zod schema per contract: API, CLI and web use them. */
import { z } from 'zod';

export const Id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._:-]+$/, 'may contain only letters, digits and . _ : -');

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), path: z.string().optional() }),
});

export const Grading = z.object({
  reliability: z
    .enum(['A', 'B', 'C', 'D', 'X'])
    .describe('Source reliability (4x4): A completely reliable … D unreliable, X cannot be judged'),
  information: z.enum(['1', '2', '3', '4']).describe('Information assessment (4x4): 1 known true … 4 cannot be judged'),
});

/** Opaque keyset cursor, returned as `next` and sent back as `after`. */
export const Cursor = z.string().max(1000);

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  after: Cursor.optional(),
});

export const encodeCursor = (parts: readonly string[]): string =>
  btoa(unescape(encodeURIComponent(JSON.stringify(parts)))).replace(/=+$/, '');

export function decodeCursor(cursor: string, n: number): string[] | null {
  try {
    const parts: unknown = JSON.parse(decodeURIComponent(escape(atob(cursor))));
    if (Array.isArray(parts) && parts.length === n && parts.every((p) => typeof p === 'string'))
      return parts as string[];
  } catch {
    // fall through: a cursor that does not decode is reported as invalid by the caller
  }
  return null;
}
