/**
 * The one repository helper that scopes by case. Every read, update and delete of a
 * case-scoped table starts here, so `case_id = ?` can never be forgotten, and every insert
 * gets the case id stamped on. Single-case queries route to one shard on Citus.
 */
import type SQLite from 'better-sqlite3';
import type {
  DeleteQueryBuilder,
  DeleteResult,
  Insertable,
  InsertQueryBuilder,
  InsertResult,
  Kysely,
  SelectQueryBuilder,
  UpdateQueryBuilder,
  UpdateResult,
} from 'kysely';
import type { CaseTable, Database } from './schema/index.ts';

type Row<T extends CaseTable> = Omit<Insertable<Database[T]>, 'case_id'>;

export class CaseScope {
  constructor(
    readonly db: Kysely<Database>,
    readonly caseId: string,
    /**
     * The embedded database's own handle, for bulk paths (millions of statement lines) that
     * run a prepared statement per row. It is the same single connection Kysely uses, so those
     * rows join whatever transaction is open.
     */
    readonly sqlite?: SQLite.Database,
  ) {}

  selectFrom<T extends CaseTable>(table: T): SelectQueryBuilder<Database, T, object> {
    // Kysely cannot type a `where` on a generic table; every case table has `case_id`.
    const q = this.db.selectFrom(table as CaseTable) as unknown as SelectQueryBuilder<Database, CaseTable, object>;
    return q.where('case_id', '=', this.caseId) as unknown as SelectQueryBuilder<Database, T, object>;
  }

  updateTable<T extends CaseTable>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult> {
    const q = this.db.updateTable(table as CaseTable) as unknown as UpdateQueryBuilder<
      Database,
      CaseTable,
      CaseTable,
      UpdateResult
    >;
    return q.where('case_id', '=', this.caseId) as unknown as UpdateQueryBuilder<Database, T, T, UpdateResult>;
  }

  deleteFrom<T extends CaseTable>(table: T): DeleteQueryBuilder<Database, T, DeleteResult> {
    const q = this.db.deleteFrom(table as CaseTable) as unknown as DeleteQueryBuilder<
      Database,
      CaseTable,
      DeleteResult
    >;
    return q.where('case_id', '=', this.caseId) as unknown as DeleteQueryBuilder<Database, T, DeleteResult>;
  }

  insertInto<T extends CaseTable>(
    table: T,
    rows: Row<T> | readonly Row<T>[],
  ): InsertQueryBuilder<Database, T, InsertResult> {
    const list = (Array.isArray(rows) ? rows : [rows]) as readonly Row<T>[];
    const values = list.map((r) => ({ ...r, case_id: this.caseId })) as unknown as Insertable<Database[T]>[];
    return this.db.insertInto(table).values(values as never) as InsertQueryBuilder<Database, T, InsertResult>;
  }

  /** The same scope bound to a transaction. */
  in(trx: Kysely<Database>): CaseScope {
    return new CaseScope(trx, this.caseId, this.sqlite);
  }
}
