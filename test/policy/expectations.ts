/**
 * The expected outcome of every API route for every platform role and every relation to a
 * case, written by hand and kept apart from the policy code (src/services/policy.ts), so a
 * change of policy must change this table too. `ok` means the policy let the request through
 * (any status but 401, 403 and 404); a number is the exact status expected.
 */
export type Relation = 'own' | 'sharedRead' | 'sharedContribute' | 'foreign';
export const relations: readonly Relation[] = ['own', 'sharedRead', 'sharedContribute', 'foreign'];
export const roles = ['admin', 'investigator', 'analyst', 'supervisor', 'prosecutor', 'trainer', 'trainee', 'dpo'] as const;
export type Role = (typeof roles)[number];
export type Outcome = 'ok' | 403 | 404;
type Row = Record<Role, readonly [Outcome, Outcome, Outcome, Outcome]>;

/**
 * Reading case data: members and shared agencies; never trainees or trainers on operational
 * cases, never the data-protection officer (who oversees the audit trail only).
 */
const caseRead: Row = {
  dpo: [404, 404, 404, 404],
  admin: ['ok', 'ok', 'ok', 404],
  investigator: ['ok', 'ok', 'ok', 404],
  analyst: ['ok', 'ok', 'ok', 404],
  supervisor: ['ok', 'ok', 'ok', 404],
  prosecutor: ['ok', 'ok', 'ok', 404],
  trainer: [404, 404, 404, 404],
  trainee: [404, 404, 404, 404],
};

/** Changing case data: members and contributing agencies; prosecutors only read. */
const caseWrite: Row = {
  dpo: [404, 404, 404, 404],
  admin: ['ok', 403, 'ok', 404],
  investigator: ['ok', 403, 'ok', 404],
  analyst: ['ok', 403, 'ok', 404],
  supervisor: ['ok', 403, 'ok', 404],
  prosecutor: [403, 403, 403, 404],
  trainer: [404, 404, 404, 404],
  trainee: [404, 404, 404, 404],
};

/** Managing the case (members, shares, settings): its lead only. The users here are plain members. */
const caseManage: Row = {
  dpo: [404, 404, 404, 404],
  admin: [403, 403, 403, 404],
  investigator: [403, 403, 403, 404],
  analyst: [403, 403, 403, 404],
  supervisor: [403, 403, 403, 404],
  prosecutor: [403, 403, 403, 404],
  trainer: [404, 404, 404, 404],
  trainee: [404, 404, 404, 404],
};

const all = (o: Outcome): Row => Object.fromEntries(roles.map((r) => [r, [o, o, o, o]])) as unknown as Row;
const only = (allowed: readonly Role[]): Row =>
  Object.fromEntries(roles.map((r) => [r, allowed.includes(r) ? ['ok', 'ok', 'ok', 'ok'] : [403, 403, 403, 403]])) as unknown as Row;

export const expectations: Record<string, Row> = {
  'POST /api/auth/login': all('ok'),
  'POST /api/auth/logout': all('ok'),
  'POST /api/auth/logout-everywhere': all('ok'),
  'GET /api/auth/me': all('ok'),
  'PATCH /api/auth/me': all('ok'),
  'GET /api/auth/totp/new': all('ok'),
  'POST /api/auth/totp': all('ok'),
  'POST /api/auth/tokens': all('ok'),
  'GET /api/agencies': all('ok'),
  'POST /api/agencies': only(['admin']),
  'GET /api/users': only(['admin']),
  'POST /api/users': only(['admin']),
  'PATCH /api/users/{userId}': only(['admin']),
  'POST /api/users/{userId}/reset': only(['admin']),
  'GET /api/cases': all('ok'),
  'POST /api/cases': only(['admin', 'investigator', 'analyst', 'supervisor', 'trainer']),
  'DELETE /api/cases/{caseId}': caseManage,
  'PUT /api/cases/{caseId}/review-date': caseManage,
  'GET /api/cases/review': only(['supervisor', 'admin', 'dpo']),
  'GET /api/cases/{caseId}/audit': caseManage,
  'GET /api/cases/{caseId}/audit/export.csv': caseManage,
  'GET /api/audit': only(['supervisor', 'admin', 'dpo']),
  'GET /api/audit/export.csv': only(['supervisor', 'admin', 'dpo']),
  'GET /api/audit/verify': only(['supervisor', 'admin', 'dpo']),
  'GET /api/cases/{caseId}/members/details': caseRead,
  'PATCH /api/cases/{caseId}/members/{userId}': caseManage,
  'DELETE /api/cases/{caseId}/members/{userId}': caseManage,
  'GET /api/users/lookup': all('ok'),
  'GET /api/schemata': all('ok'),
  'GET /api/search': all('ok'),
  'GET /api/cases/{caseId}/entity-rows': caseRead,
  'GET /api/cases/{caseId}/activity': caseRead,
  'POST /api/cases/{caseId}/files': caseWrite,
  'GET /api/cases/{caseId}/files': caseRead,
  'GET /api/cases/{caseId}/files/{fileId}/content': caseRead,
  'GET /api/import-formats': all('ok'),
  'GET /api/import-mappings': all('ok'),
  'POST /api/import-mappings': all('ok'),
  'DELETE /api/import-mappings/{mappingId}': all('ok'),
  'POST /api/cases/{caseId}/imports/uploads': caseWrite,
  'POST /api/cases/{caseId}/imports/preview': caseWrite,
  'POST /api/cases/{caseId}/imports': caseWrite,
  // A job is reached only with the key handed to whoever started it; without it, it is not found.
  'GET /api/import-jobs/{jobId}': all(404),
  'POST /api/import-jobs/{jobId}/cancel': all(404),
  'GET /api/cases/{caseId}': caseRead,
  'PATCH /api/cases/{caseId}': caseManage,
  'GET /api/cases/{caseId}/members': caseRead,
  'POST /api/cases/{caseId}/members': caseManage,
  'GET /api/cases/{caseId}/shares': caseRead,
  'POST /api/cases/{caseId}/shares': caseManage,
  'DELETE /api/cases/{caseId}/shares/{agencyId}': caseManage,
  'GET /api/cases/{caseId}/entities': caseRead,
  'POST /api/cases/{caseId}/entities': caseWrite,
  'POST /api/cases/{caseId}/entities/batch': caseWrite,
  'GET /api/cases/{caseId}/entities/{entityId}': caseRead,
  'PATCH /api/cases/{caseId}/entities/{entityId}': caseWrite,
  'DELETE /api/cases/{caseId}/entities/{entityId}': caseWrite,
  'POST /api/cases/{caseId}/entities/{entityId}/notes': caseWrite,
  'POST /api/cases/{caseId}/notes': caseWrite,
  'GET /api/cases/{caseId}/notes': caseRead,
  'GET /api/cases/{caseId}/journal': caseRead,
  'POST /api/cases/{caseId}/journal': caseWrite,
  'GET /api/cases/{caseId}/sources': caseRead,
  'POST /api/cases/{caseId}/sources': caseWrite,
  'GET /api/cases/{caseId}/search': caseRead,
  'GET /api/cases/{caseId}/selectors': caseRead,
  'GET /api/cases/{caseId}/transactions': caseRead,
  'POST /api/cases/{caseId}/transactions': caseWrite,
  'GET /api/cases/{caseId}/export': caseRead,
  'GET /api/finance/rules': all('ok'),
  'GET /api/cases/{caseId}/finance/accounts': caseRead,
  'GET /api/cases/{caseId}/finance/holders': caseRead,
  'GET /api/cases/{caseId}/finance/counterparties': caseRead,
  'GET /api/cases/{caseId}/finance/flows': caseRead,
  'GET /api/cases/{caseId}/finance/trace': caseRead,
  'GET /api/cases/{caseId}/findings': caseRead,
  'POST /api/cases/{caseId}/findings/run': caseWrite,
  'GET /api/cases/{caseId}/findings/{findingId}': caseRead,
  'PATCH /api/cases/{caseId}/findings/{findingId}': caseWrite,
  'GET /api/cases/{caseId}/proceeds': caseRead,
  'POST /api/cases/{caseId}/proceeds/preview': caseRead,
  'GET /api/cases/{caseId}/proceeds/model': caseRead,
  'PUT /api/cases/{caseId}/proceeds/model': caseWrite,
  'GET /api/handling-codes': all('ok'),
  'PUT /api/handling-codes/{code}': only(['admin']),
  'GET /api/health': all('ok'),
  'GET /api/openapi.json': all('ok'),
};
