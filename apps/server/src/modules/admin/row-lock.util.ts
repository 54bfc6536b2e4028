import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Reads the row an admin change starts from under a write lock on MySQL, so two concurrent edits
 * each audit the state they really replaced. SQLite serialises writers already and has no FOR UPDATE.
 */
export function forUpdate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, manager: EntityManager): SelectQueryBuilder<T> {
  return manager.connection.options.type === 'better-sqlite3' ? query : query.setLock('pessimistic_write');
}
