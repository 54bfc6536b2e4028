import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { rawExecute } from './raw-statement.util';

/** Writes entity rows as one multi-row INSERT (per chunk) through the caller's manager; nothing is read back. */
export type RawInsert<T> = (manager: EntityManager, rows: readonly T[]) => Promise<void>;

/** Rows per statement: far below every engine's parameter limit (SQLite 32,766) for our widest table. */
const ROWS_PER_STATEMENT = 100;

/**
 * For hot inserts: the statement TypeORM's `insert().values(rows).updateEntity(false)` sends, written
 * once per table and per shape (which columns the rows leave to the database) instead of being built by
 * the query builder on every call. Column values go through the driver's `preparePersistentValue` (dates,
 * JSON, transformers), an absent version is 1, an absent value takes the column's default (`DEFAULT` on
 * MySQL; SQLite has no `DEFAULT` in VALUES, so the default expression itself, as TypeORM writes it).
 * Rows must be plain entity instances (no SQL-expression values).
 */
export function rawInsert<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>): RawInsert<T> {
  const driver = dataSource.driver;
  const metadata = dataSource.getMetadata(entity);
  const columns = metadata.columns.filter((column) => column.isInsert && !column.isVirtual && !column.isVirtualProperty);
  const sqlite = driver.options.type === 'better-sqlite3';
  const head = `INSERT INTO ${driver.escape(metadata.tableName)}(${columns.map((column) => driver.escape(column.databaseName)).join(', ')}) VALUES `;
  const absent = (column: ColumnMetadata): string => {
    if (column.isVersion) return '1';
    if (!sqlite) return 'DEFAULT';
    return column.default !== undefined && column.default !== null ? (driver.normalizeDefault(column) ?? 'NULL') : 'NULL';
  };
  // The VALUES tuple of each shape, with a positional parameter (`?` on both engines) per given value.
  const tuples = new Map<string, string>();
  const tupleOf = (shape: string): string => {
    let tuple = tuples.get(shape);
    if (tuple === undefined) {
      tuple = `(${columns.map((column, index) => (shape[index] === '1' ? '?' : absent(column))).join(', ')})`;
      tuples.set(shape, tuple);
    }
    return tuple;
  };
  return async (manager, rows) => {
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const bound: unknown[] = [];
      const values: string[] = [];
      for (const row of rows.slice(start, start + ROWS_PER_STATEMENT)) {
        let shape = '';
        for (const column of columns) {
          const given: unknown = column.getEntityValue(row);
          if (typeof given === 'function') throw new Error(`rawInsert: ${metadata.name}.${column.propertyName} is an SQL expression`);
          const value: unknown = driver.preparePersistentValue(given, column);
          if (value === undefined) {
            shape += '0';
            continue;
          }
          shape += '1';
          bound.push(value);
        }
        values.push(tupleOf(shape));
      }
      await rawExecute(manager, head + values.join(', '), bound);
    }
  };
}
