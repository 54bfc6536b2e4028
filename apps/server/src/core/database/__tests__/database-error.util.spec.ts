import { isForeignKeyViolation, isRetryableTransactionError, isUniqueViolation } from '../database-error.util';

describe('database error recognition', () => {
  it.each([
    ['SQLite unique', { code: 'SQLITE_CONSTRAINT_UNIQUE' }, true, false],
    ['SQLite primary key', { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }, true, false],
    ['SQLite foreign key', { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }, false, true],
    ['MySQL duplicate entry', { code: 'ER_DUP_ENTRY', errno: 1062 }, true, false],
    ['MariaDB duplicate by errno only', { errno: 1062 }, true, false],
    ['MySQL row still referenced', { code: 'ER_ROW_IS_REFERENCED_2', errno: 1451 }, false, true],
    ['MySQL missing parent', { errno: 1452 }, false, true],
    ['SQLite not-null', { code: 'SQLITE_CONSTRAINT_NOTNULL' }, false, false],
    ['a connection error', { code: 'ECONNREFUSED' }, false, false],
    ['a plain Error', new Error('boom'), false, false],
    ['a string', 'ER_DUP_ENTRY', false, false],
    ['null', null, false, false],
  ])('%s', (_label, error, unique, foreignKey) => {
    expect(isUniqueViolation(error)).toBe(unique);
    expect(isForeignKeyViolation(error)).toBe(foreignKey);
  });
});

describe('isRetryableTransactionError', () => {
  it.each([
    [{ code: 'ER_LOCK_DEADLOCK' }, true],
    [{ code: 'ER_LOCK_WAIT_TIMEOUT' }, true],
    [{ code: 'SQLITE_BUSY' }, true],
    [{ code: 'ER_DUP_ENTRY' }, false],
    [new Error('boom'), false],
    [null, false],
  ])('%j → %s', (error, retryable) => {
    expect(isRetryableTransactionError(error)).toBe(retryable);
  });
});
