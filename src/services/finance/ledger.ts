/** Bank transactions: checked against the case's accounts, then added without duplicates. */
import type { TransactionRecord } from '../../domain/records.ts';
import { errors } from '../../shared/errors.ts';
import { getEntities } from '../../store/repos/entities/entities.ts';
import { getSource } from '../../store/repos/cases/notes.ts';
import { insertTransactions, toRows } from '../../store/repos/finance/transactions.ts';
import type { Store } from '../../store/store.ts';

export async function importTransactions(
  store: Store,
  caseId: string,
  records: readonly TransactionRecord[],
  sourceId: string | null,
): Promise<{ received: number; added: number; alreadyPresent: number }> {
  return store.transaction(async (trx) => {
    const scope = store.scope(caseId).in(trx);
    if (sourceId && !(await getSource(scope, sourceId)))
      throw errors.validation(`Unknown source ${sourceId}`, 'sourceId');
    const ids = records.flatMap((t) => [t.accountId, ...(t.counterpartyAccountId ? [t.counterpartyAccountId] : [])]);
    const accounts = new Map((await getEntities(scope, ids)).map((e) => [e.id, e.schema]));
    records.forEach((t, i) => {
      if (accounts.get(t.accountId) !== 'BankAccount')
        throw errors.validation(`${t.accountId} is not a bank account of this case`, `transactions[${i}].accountId`);
      if (t.counterpartyAccountId && accounts.get(t.counterpartyAccountId) !== 'BankAccount') {
        throw errors.validation(
          `${t.counterpartyAccountId} is not a bank account of this case`,
          `transactions[${i}].counterpartyAccountId`,
        );
      }
    });
    const added = await insertTransactions(scope, toRows(records, sourceId));
    return { received: records.length, added, alreadyPresent: records.length - added };
  });
}
