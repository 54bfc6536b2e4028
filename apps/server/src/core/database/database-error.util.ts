/*
 * Driver error codes, read structurally: TypeORM copies the driver's `code` and `errno` onto its
 * QueryFailedError, and services must not import the ORM to recognise them.
 */

function fieldOf(error: unknown, key: 'code' | 'errno'): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;
}

/** Errors after which a whole transaction may simply be run again (deadlock victim, lock wait, busy file). */
const RETRYABLE_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY']);

const UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', 'ER_DUP_ENTRY']);
const FOREIGN_KEY_CODES = new Set(['SQLITE_CONSTRAINT_FOREIGNKEY', 'ER_ROW_IS_REFERENCED_2', 'ER_NO_REFERENCED_ROW_2']);

/**
 * A unique key refused the write: another request created the same code between our check and our
 * insert. The caller answers 409 instead of 500.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = fieldOf(error, 'code');
  return (typeof code === 'string' && UNIQUE_CODES.has(code)) || fieldOf(error, 'errno') === 1062;
}

/** A foreign key refused the write: a row still refers to the one being removed. */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = fieldOf(error, 'code');
  const errno = fieldOf(error, 'errno');
  return (typeof code === 'string' && FOREIGN_KEY_CODES.has(code)) || errno === 1451 || errno === 1452;
}

export function isRetryableTransactionError(error: unknown): boolean {
  const code = fieldOf(error, 'code');
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}
