/**
 * The expected outcome of every API route for every platform role and every relation to a
 * case, written by hand and kept apart from the policy code (src/services/policy.ts), so a
 * change of policy must change this table too. `ok` means the policy let the request through
 * (any status but 401, 403 and 404); a number is the exact status expected.
 */
export type Relation = 'own' | 'sharedRead' | 'sharedContribute' | 'foreign';
export const relations: readonly Relation[] = ['own', 'sharedRead', 'sharedContribute', 'foreign'];
export const roles = [
  'admin',
  'investigator',
  'analyst',
  'supervisor',
  'prosecutor',
  'trainer',
  'trainee',
  'dpo',
] as const;
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

/**
 * Changing or deleting a record the case's owner recorded: its members; a contributing agency
 * adds to the case but may not alter the owner's records (the samples are the owner's).
 */
const ownerRecordWrite: Row = {
  dpo: [404, 404, 404, 404],
  admin: ['ok', 403, 403, 404],
  investigator: ['ok', 403, 403, 404],
  analyst: ['ok', 403, 403, 404],
  supervisor: ['ok', 403, 403, 404],
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

/**
 * Victim data (indicator assessments, observations): only members with victim contact, and the
 * case lead. The matrix users are plain members without it, so everyone is refused here; the
 * routes' own tests show a victim-contact member getting through.
 */
const caseVictims: Row = {
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
  Object.fromEntries(
    roles.map((r) => [r, allowed.includes(r) ? ['ok', 'ok', 'ok', 'ok'] : [403, 403, 403, 403]]),
  ) as unknown as Row;

/**
 * Routes of a training cohort's member: the trainee enrolled in the matrix cohort; to anyone else it does not exist.
 */
const cohortMember: Row = Object.fromEntries(
  roles.map((r) => [r, r === 'trainee' ? ['ok', 'ok', 'ok', 'ok'] : [404, 404, 404, 404]]),
) as unknown as Row;

export const expectations: Record<string, Row> = {
  'POST /api/auth/login': all('ok'),
  'POST /api/auth/logout': all('ok'),
  'POST /api/auth/logout-everywhere': all('ok'),
  'GET /api/auth/me': all('ok'),
  'PATCH /api/auth/me': all('ok'),
  'GET /api/auth/totp/new': all('ok'),
  'POST /api/auth/totp': all('ok'),
  'POST /api/auth/totp/off': all('ok'),
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
  'GET /api/cases/{caseId}/conversations/{entityId}': caseRead,
  'GET /api/cases/{caseId}/document-search': caseRead,
  'GET /api/cases/{caseId}/indicator-marks': caseRead,
  'GET /api/cases/{caseId}/documents/{entityId}': caseRead,
  'GET /api/cases/{caseId}/documents/{entityId}/mentions': caseRead,
  'POST /api/cases/{caseId}/documents/{entityId}/mentions/decisions': caseWrite,
  'GET /api/import-formats': all('ok'),
  'GET /api/import-mappings': all('ok'),
  'POST /api/import-mappings': all('ok'),
  'DELETE /api/import-mappings/{mappingId}': all('ok'),
  'POST /api/cases/{caseId}/imports/uploads': caseWrite,
  'POST /api/cases/{caseId}/imports/preview': caseWrite,
  'POST /api/cases/{caseId}/imports/guess': caseWrite,
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
  'PATCH /api/cases/{caseId}/entities/{entityId}': ownerRecordWrite,
  'DELETE /api/cases/{caseId}/entities/{entityId}': ownerRecordWrite,
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
  'GET /api/companies/flag-rules': all('ok'),
  'GET /api/cases/{caseId}/companies/chains': caseRead,
  'GET /api/cases/{caseId}/companies/flags': caseRead,
  'GET /api/cases/{caseId}/resolution/candidates': caseRead,
  'GET /api/cases/{caseId}/resolution/decisions': caseRead,
  'POST /api/cases/{caseId}/resolution/decisions': caseWrite,
  'GET /api/cases/{caseId}/resolution/merges': caseRead,
  'POST /api/cases/{caseId}/resolution/merges': ownerRecordWrite,
  'DELETE /api/cases/{caseId}/resolution/merges/{mergeId}': ownerRecordWrite,
  'GET /api/cases/{caseId}/finance/accounts': caseRead,
  'GET /api/cases/{caseId}/finance/holders': caseRead,
  'GET /api/cases/{caseId}/finance/counterparties': caseRead,
  'GET /api/cases/{caseId}/finance/flows': caseRead,
  'GET /api/cases/{caseId}/finance/trace': caseRead,
  'GET /api/cases/{caseId}/finance/transactions': caseRead,
  'GET /api/cases/{caseId}/finance/transactions/export': caseRead,
  'GET /api/cases/{caseId}/findings': caseRead,
  'POST /api/cases/{caseId}/findings/run': caseWrite,
  'GET /api/cases/{caseId}/findings/{findingId}': caseRead,
  'PATCH /api/cases/{caseId}/findings/{findingId}': ownerRecordWrite,
  'GET /api/cases/{caseId}/proceeds': caseRead,
  'POST /api/cases/{caseId}/proceeds/preview': caseRead,
  'GET /api/cases/{caseId}/proceeds/model': caseRead,
  'PUT /api/cases/{caseId}/proceeds/model': ownerRecordWrite,
  'POST /api/cases/{caseId}/captures': caseWrite,
  'GET /api/cases/{caseId}/captures': caseRead,
  'GET /api/cases/{caseId}/captures/networks': caseRead,
  'GET /api/cases/{caseId}/captures/{captureId}': caseRead,
  'GET /api/cases/{caseId}/evidence/verify': caseRead,
  'GET /api/cases/{caseId}/views/chain': caseRead,
  'PUT /api/cases/{caseId}/views/chain/placements': caseWrite,
  'DELETE /api/cases/{caseId}/views/chain/placements': caseWrite,
  'GET /api/cases/{caseId}/views/timeline': caseRead,
  'GET /api/cases/{caseId}/views/map': caseRead,
  'PUT /api/cases/{caseId}/views/map/positions': caseWrite,
  'DELETE /api/cases/{caseId}/views/map/positions': caseWrite,
  'GET /api/cases/{caseId}/views/money-flow/transactions': caseRead,
  'GET /api/cases/{caseId}/graph': caseRead,
  'GET /api/cases/{caseId}/graph/neighbourhood': caseRead,
  'GET /api/cases/{caseId}/graph/paths': caseRead,
  'GET /api/cases/{caseId}/charts': caseRead,
  'POST /api/cases/{caseId}/charts': caseWrite,
  'POST /api/cases/{caseId}/charts/import': caseWrite,
  'GET /api/cases/{caseId}/charts/{chartId}': caseRead,
  'PUT /api/cases/{caseId}/charts/{chartId}': caseWrite,
  'DELETE /api/cases/{caseId}/charts/{chartId}': caseWrite,
  'GET /api/cases/{caseId}/charts/{chartId}/export': caseRead,
  'POST /api/cases/{caseId}/reports': caseRead,
  'GET /api/cases/{caseId}/reports/{jobId}': caseRead,
  'GET /api/cases/{caseId}/reports/{jobId}/download': caseRead,
  'GET /api/cases/{caseId}/jobs': caseRead,
  'GET /api/cases/{caseId}/jobs/{jobId}': caseRead,
  'GET /api/cases/{caseId}/evidence-register': caseRead,
  'GET /api/cases/{caseId}/anx': caseRead,
  'POST /api/cases/{caseId}/anx': caseWrite,
  'GET /api/cases/{caseId}/victims': caseVictims,
  'GET /api/cases/{caseId}/victims/{personId}/file': caseVictims,
  'PUT /api/cases/{caseId}/victims/{personId}/file': caseVictims,
  'POST /api/cases/{caseId}/victims/{personId}/file/claim': caseVictims,
  'POST /api/cases/{caseId}/victims/{personId}/file/reminders': caseVictims,
  'GET /api/handling-codes': all('ok'),
  'PUT /api/handling-codes/{code}': only(['admin']),
  'GET /api/indicator-catalogues': all('ok'),
  'GET /api/indicator-catalogues/{key}': all('ok'),
  'POST /api/indicator-catalogues': only(['admin']),
  'POST /api/indicators/evaluate': all('ok'),
  'GET /api/screening-form': all('ok'),
  'GET /api/cases/{caseId}/identification/persons': caseRead,
  'GET /api/cases/{caseId}/identification/persons/{personId}/assessments': caseVictims,
  'POST /api/cases/{caseId}/identification/persons/{personId}/assessments': caseVictims,
  'GET /api/cases/{caseId}/identification/observations': caseVictims,
  'POST /api/cases/{caseId}/identification/fill': caseVictims,
  'POST /api/cases/{caseId}/identification/suggest': caseVictims,
  'GET /api/cases/{caseId}/legal-matrix': caseRead,
  'GET /api/training/courses': all('ok'),
  'GET /api/training/library': all('ok'),
  'GET /api/training/library/{entryId}': all('ok'),
  'GET /api/training/courses/{courseId}': all('ok'),
  'GET /api/training/courses/{courseId}/images/{file}': all('ok'),
  'GET /api/training/courses/{courseId}/modules/{moduleId}/lessons/{lessonId}': all('ok'),
  'POST /api/training/courses/{courseId}/modules/{moduleId}/lessons/{lessonId}/complete': all('ok'),
  'GET /api/training/courses/{courseId}/modules/{moduleId}/quiz': all('ok'),
  'POST /api/training/courses/{courseId}/modules/{moduleId}/quiz/attempts': all('ok'),
  'GET /api/training/courses/{courseId}/certificate': all('ok'),
  'GET /api/training/courses/{courseId}/modules/{moduleId}/scorm': only(['trainer', 'admin']),
  'GET /api/training/me': all('ok'),
  'GET /api/training/cohorts': only(['trainer', 'admin']),
  'POST /api/training/cohorts': only(['trainer', 'admin']),
  'GET /api/training/cohorts/{cohortId}': only(['trainer', 'admin']),
  'POST /api/training/cohorts/{cohortId}/members': only(['trainer', 'admin']),
  'POST /api/training/cohorts/{cohortId}/assignments': only(['trainer', 'admin']),
  'POST /api/training/cohorts/{cohortId}/courses/{courseId}/sandbox': cohortMember,
  'GET /api/training/cohorts/{cohortId}/courses/{courseId}/exercises/{exerciseId}': cohortMember,
  'POST /api/training/cohorts/{cohortId}/courses/{courseId}/exercises/{exerciseId}/submissions': cohortMember,
  'GET /api/health': all('ok'),
  'GET /healthz': all('ok'),
  'GET /readyz': all('ok'),
  // Hit/no-hit: a hit notice is case data of the case it is in; the cross-case check needs write access.
  'GET /api/cases/{caseId}/hits': caseRead,
  'POST /api/cases/{caseId}/hits/check': caseWrite,
  'GET /api/notifications': all('ok'),
  'POST /api/notifications/{notificationId}/read': all('ok'),
  'POST /api/cases/{caseId}/psi/export': caseWrite,
  'POST /api/cases/{caseId}/psi/finish': caseWrite,
  'POST /api/cases/{caseId}/psi/run': caseWrite,
  'POST /api/psi/respond': only(['admin']),
  // Server to server: authenticated by the partner's signing key inside the envelope, not by a user.
  'POST /api/partner/psi': all('ok'),
  'GET /api/agreements': all('ok'),
  'POST /api/agreements': only(['admin']),
  'DELETE /api/agreements/{agreementId}': only(['admin']),
  'GET /api/cooperation/identity': only(['admin']),
  'GET /api/cases/{caseId}/cooperation/requests': caseRead,
  'POST /api/cases/{caseId}/cooperation/requests': caseWrite,
  'POST /api/cases/{caseId}/cooperation/requests/{requestId}/decision': caseManage,
  'POST /api/cooperation/exchange': only(['admin']),
  'POST /api/partner/cooperation': all('ok'),
  'GET /api/openapi.json': all('ok'),
};
