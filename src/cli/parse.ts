import type { ZodType } from 'zod';
import { AppError } from '../shared/errors.ts';

/** Validates CLI input with the same zod contract the API uses; the error names the option. */
export function parseOrThrow<T>(schema: ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = (issue?.path ?? []).map(String).join('.');
  throw new AppError(
    'validation_failed',
    `${path ? `--${path}: ` : ''}${issue?.message ?? 'invalid'}`,
    path ? `--${path}` : undefined,
  );
}
