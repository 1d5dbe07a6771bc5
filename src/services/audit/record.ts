/** Writing audit records: the functions live beside the use-case wrapper, which records every use case. */
export { recordDenied, recordEntry } from '../useCase/index.ts';
export type { AuditAction, AuditEntry } from '../useCase/index.ts';
