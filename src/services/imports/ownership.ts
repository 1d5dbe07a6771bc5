/**
 * Imports by a partner agency obey the ownership of writes (domain/access/ownership.ts): an
 * agency the whole case is shared with for contributing imports new records and re-imports its
 * own, never changes the owner's (and its records are not joined into the owner's by assembly);
 * an agency given only part of a case does not import, since a file's ids and links could name,
 * and so reveal or alter, records outside its part.
 */
import { errors } from '../../shared/errors.ts';
import type { Store } from '../../store/store.ts';
import { ownRecordsOf, type CaseAccess } from '../access/index.ts';
import type { ImportOptions } from './pipeline.ts';

export async function importRulesFor(store: Store, access: CaseAccess): Promise<Pick<ImportOptions, 'mayAlter'>> {
  if (access.via === 'member') return {};
  if (access.partial)
    throw errors.forbidden(
      'Your agency holds part of this case: add records through the entity forms, not by importing a file',
    );
  return { mayAlter: await ownRecordsOf(store, access) };
}
