/**
 * ISO 20022 bank-to-customer statements (`camt053`): camt.053 statements, camt.052 account
 * reports and camt.054 debit/credit notifications, versions 001.02 to 001.10. Whatever the
 * file's declared encoding (xml.ts). Entries read by an assumption (no booking date, a balance
 * without credit/debit indicator) are yielded with a `warning` item.
 *
 * Output, per statement: the statement's BankAccount (plus its owner as a LegalEntity with an
 * Ownership link, when <Ownr> names one), then one transaction per booked entry — or, for a
 * batch entry with several <TxDtls> that carry their own amounts, one per <TxDtls>. The
 * counterparty is the debtor of a credit and the creditor of a debit; when its account is
 * given it becomes a BankAccount entity too. After its entries comes the statement's own
 * `statement` item: <Stmt><Id>, the booked opening (OPBD or PRCD) and closing (CLBD)
 * balances and the number of transactions read. Ids are derived (accounts.ts), and `known`
 * filters out entities the case already has (emit.ts).
 *
 * The file is read as a stream of bytes through a tokenizer (xml.ts); memory holds at most
 * one entry's elements, whatever the file's size.
 */
import { z } from 'zod';
import type { ImportInput, ImportItem, Importer } from '../types.ts';
import { CamtReader } from './camtReader.ts';
import { checkOptions, ItemQueue, type BankImportOptions } from './emit.ts';
import { XmlTokenizer } from './xml.ts';

/** Options as the API, CLI and web send them. */
export const Camt053Options = z
  .object({
    /** Also import entries not (yet) booked: status PDNG, INFO or FUTR. */
    includePending: z.boolean().default(false),
  })
  .strict();

export type Camt053ImportOptions = z.input<typeof Camt053Options> & BankImportOptions;

async function* parse(input: ImportInput, options: Camt053ImportOptions = {}): AsyncGenerator<ImportItem> {
  const { known, ...rest } = options;
  const opts = checkOptions(Camt053Options, rest);
  const queue = new ItemQueue(known);
  const reader = new CamtReader(queue, { includePending: opts.includePending });
  const xml = new XmlTokenizer(reader);
  try {
    for await (const chunk of input.open() as AsyncIterable<Buffer | string>) {
      xml.write(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      if (queue.full) yield* queue.drain();
    }
    xml.end();
    reader.finish();
  } catch (e) {
    // Every problem names the statement and entry it is in, not only the line.
    throw reader.locate(e);
  }
  yield* queue.drain();
}

export const camt053Importer: Importer<Camt053ImportOptions> = {
  format: 'camt053',
  label: 'Bank statement (ISO 20022 camt.052/053/054)',
  parse,
};
