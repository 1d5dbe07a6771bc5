/**
 * Inline validation: the shared zod contracts check a form as the user types, and an error the
 * server finds (its `path` names the field) lands next to the same field. Messages are
 * translated by kind, so they read in the user's language whatever the contract says.
 */
import type { TFunction } from 'i18next';
import type { ZodType } from 'zod';
import { ApiError } from './api/client.ts';

export type FieldErrors = Record<string, string>;

interface Issue {
  code: string;
  path: PropertyKey[];
  input?: unknown;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

function messageOf(issue: Issue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? t('errors.field.required')
        : t('errors.field.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      return t('errors.field.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      return t('errors.field.format');
    case 'invalid_value':
      return t('errors.field.choice');
    case 'invalid_type':
      return issue.input === undefined ? t('errors.field.required') : t('errors.field.invalid');
    case 'custom':
      return t('errors.field.required');
    default:
      return t('errors.field.invalid');
  }
}

/** The first problem of each field, keyed by dotted path (`mapping.start`). */
export function zodErrors(schema: ZodType, value: unknown, t: TFunction): FieldErrors {
  const r = schema.safeParse(value);
  if (r.success) return {};
  const out: FieldErrors = {};
  for (const issue of r.error.issues as unknown as Issue[]) {
    const key = issue.path.map(String).join('.') || '_';
    out[key] ??= messageOf(issue, t);
  }
  return out;
}

/** A server path (`body.properties.birthDate[0]`, `options.mapping.start`) as a form field key. */
export const fieldKey = (path: string | null | undefined): string =>
  (path ?? '').replace(/^(body|query|options|params)\./, '').replace(/\[\d+\]/g, '');

/** The server's message for this field, when it names it. */
export function serverError(error: unknown, field: string): string | null {
  return error instanceof ApiError && error.path && fieldKey(error.path) === field ? error.message : null;
}

/** True when the server error is about one of these fields (shown there, not as a banner). */
export const errorIsForFields = (error: unknown, fields: readonly string[]): boolean =>
  error instanceof ApiError && !!error.path && fields.includes(fieldKey(error.path));
