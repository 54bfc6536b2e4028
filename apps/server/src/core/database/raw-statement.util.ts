import { QueryFailedError, type DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';
import { QueryRunnerAlreadyReleasedError } from 'typeorm/error/QueryRunnerAlreadyReleasedError';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/** What a hand-written statement on one entity's table needs, from its metadata and the driver's quoting. */
export interface RawTable {
  /** The quoted table name. */
  table: string;
  quote(name: string): string;
  column(property: string): ColumnMetadata;
  /** The quoted column of a property. */
  ref(property: string): string;
  /** `<column> AS <property>`: rows come back under the property names. */
  as(property: string): string;
  /** A value as the driver returned it, converted the way entity hydration converts it (dates, booleans, JSON). */
  hydrate(property: string): (value: unknown) => unknown;
  /**
   * The table with a hint to read it through one of its indexes (`USE INDEX` on MySQL/MariaDB), for a
   * hot statement whose index is known: MySQL's planner otherwise estimates the rows of every index a
   * condition touches (for the dedupe lookup that cost more than running it). SQLite's planner does
   * no such estimates: the table as it is. With `alias`, the table under that (quoted) name, which
   * MySQL wants before the hint.
   */
  tableUsingIndex(index: string, alias?: string): string;
  /** The name of the entity's index on exactly these properties, in this order (for `tableUsingIndex` when TypeORM named it). */
  indexOn(...properties: string[]): string;
}

/**
 * For hot statements written as parameterised SQL (no query building or entity hydration per call):
 * built once per statement from the entity metadata, so names and quoting follow the engine.
 */
export function rawTable(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): RawTable {
  const driver = dataSource.driver;
  const metadata = dataSource.getMetadata(entity);
  const quote = (name: string) => driver.escape(name);
  const column = (property: string): ColumnMetadata => {
    const found = metadata.findColumnWithPropertyName(property);
    if (!found) throw new Error(`${metadata.name}.${property} is not a column`);
    return found;
  };
  const ref = (property: string) => quote(column(property).databaseName);
  const table = quote(metadata.tableName);
  return {
    table,
    tableUsingIndex: (index, alias) => {
      if (!metadata.indices.some((entry) => entry.name === index)) throw new Error(`${metadata.name} has no index ${index}`);
      const named = alias ? `${table} ${quote(alias)}` : table;
      return driver.options.type === 'better-sqlite3' ? named : `${named} USE INDEX (${quote(index)})`;
    },
    indexOn: (...properties) => {
      const wanted = properties.map((property) => column(property).databaseName).join(',');
      const found = metadata.indices.find((entry) => entry.columns.map((entry) => entry.databaseName).join(',') === wanted);
      if (!found?.name) throw new Error(`${metadata.name} has no index on (${properties.join(', ')})`);
      return found.name;
    },
    quote,
    column,
    ref,
    as: (property) => `${ref(property)} AS ${quote(property)}`,
    hydrate: (property) => {
      const target = column(property);
      return (value) => driver.prepareHydratedValue(value, target);
    },
  };
}

/** The part of a mysql2 connection or pool a raw statement uses. */
interface Mysql2Queryable {
  query(sql: string, values: readonly unknown[], callback: (error: Error | null, result: unknown) => void): void;
}

/**
 * Where a raw statement runs on MySQL: the connection of the caller's transaction, or the pool (which
 * lends a connection for the one statement). null when TypeORM's own path must run it: SQLite, or a
 * query runner not connected yet.
 */
function mysqlTarget(target: DataSource | EntityManager): Mysql2Queryable | null {
  const dataSource = 'driver' in target ? target : target.connection;
  if (dataSource.driver.options.type === 'better-sqlite3') return null;
  const runner = 'driver' in target ? undefined : target.queryRunner;
  if (runner) {
    if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
    // The connection a transaction holds (TypeORM keeps it protected on the runner).
    return (runner as unknown as { databaseConnection?: Mysql2Queryable }).databaseConnection ?? null;
  }
  return ((dataSource.driver as MysqlDriver).pool as Mysql2Queryable | undefined) ?? null;
}

function mysql2Query(connection: Mysql2Queryable, sql: string, values: readonly unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // Errors take the shape TypeORM gives them (QueryFailedError carries the driver's code and errno).
    connection.query(sql, values, (error, result) => (error ? reject(new QueryFailedError(sql, [...values], error)) : resolve(result)));
  });
}

/**
 * Runs a hot statement with positional parameters (`?`) and returns its rows: on MySQL straight on the
 * mysql2 connection (the transaction's, or one of the pool's), skipping TypeORM's query runner — its
 * per-call wrapping (the promise adapter, query events, result copies) cost about a third of a short
 * statement's client CPU; on SQLite through TypeORM. `target`: the caller's transaction manager, or
 * the data source outside one. Query logging does not see these statements (the server runs with it off).
 */
export async function rawQuery<T>(target: DataSource | EntityManager, sql: string, values: readonly unknown[]): Promise<T[]> {
  const connection = mysqlTarget(target);
  if (!connection) return target.query<T[]>(sql, [...values]);
  return (await mysql2Query(connection, sql, values)) as T[];
}

/** As `rawQuery`, for a statement that changes rows: how many it changed. */
export async function rawExecute(target: DataSource | EntityManager, sql: string, values: readonly unknown[]): Promise<number> {
  const connection = mysqlTarget(target);
  if (!connection) {
    const manager = 'driver' in target ? target.manager : target;
    const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
    try {
      const result = await runner.query(sql, [...values], true);
      return result.affected ?? 0;
    } finally {
      if (!manager.queryRunner) await runner.release();
    }
  }
  const header = (await mysql2Query(connection, sql, values)) as { affectedRows?: number };
  return header.affectedRows ?? 0;
}

/** A hot read of whole entities written once as SQL (see `rawEntityRead`). */
export interface RawEntityRead<T> {
  /** The quoted, alias-qualified column of a property of the entity, for WHERE and ORDER BY. */
  ref(property: string): string;
  /**
   * The entities `rest` selects: what follows FROM … (WHERE, ORDER BY, LIMIT), with `{property}` for the
   * entity's columns and `:name` for parameters. `target`: the caller's transaction manager, or the data
   * source outside one.
   */
  find(target: DataSource | EntityManager, rest: string, parameters?: ObjectLiteral): Promise<T[]>;
}

/**
 * What `createQueryBuilder(alias).leftJoinAndSelect(<relation>)…getMany()` reads and builds, with the
 * statement built once instead of per call: on the resident's and staff's detail pages TypeORM's query
 * building and hydration cost more server CPU than everything else of the request. `relations`: the
 * entity's many-to-one relations to join (their whole rows, as leftJoinAndSelect does). Entities are made
 * without running their constructors (BaseEntity's would draw an id only to have it replaced), so
 * `instanceof` holds and every column is set from the row; a relation whose row is missing is null.
 */
export function rawEntityRead<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  relations: readonly string[] = [],
  /** Only these columns of the entity (its primary key among them), as `find({ select })` reads them. */
  properties?: readonly (keyof T & string)[],
): RawEntityRead<T> {
  const driver = dataSource.driver;
  const quote = (name: string) => driver.escape(name);
  const metadata = dataSource.getMetadata(entity);
  const select: string[] = [];
  const reader = (target: EntityMetadata, alias: string, only?: readonly string[]) => {
    // The columns TypeORM hydrates (not the virtual ones a relation without its own column implies).
    const columns = target.columns
      .filter((column) => !column.isVirtual && (!only || only.includes(column.propertyName)))
      .map((column, index) => {
        const name = `${alias}_${index}`;
        select.push(`${quote(alias)}.${quote(column.databaseName)} AS ${quote(name)}`);
        return { column, name };
      });
    const prototype = (target.target as { prototype: object }).prototype;
    const keyName = columns.find(({ column }) => column.isPrimary)?.name;
    if (!keyName) throw new Error(`${target.name} has no primary column`);
    const read = (raw: Record<string, unknown>): ObjectLiteral => {
      const row: ObjectLiteral = Object.create(prototype);
      for (const { column, name } of columns) column.setEntityValue(row, driver.prepareHydratedValue(raw[name], column));
      return row;
    };
    return { read, keyName };
  };
  const root = reader(metadata, 'e', properties);
  const joins = relations.map((property, index) => {
    const relation = metadata.findRelationWithPropertyPath(property);
    if (!relation?.isManyToOne || relation.joinColumns.length !== 1) throw new Error(`${metadata.name}.${property} is not a many-to-one relation`);
    const alias = `j${index}`;
    const target = relation.inverseEntityMetadata;
    const [joinColumn] = relation.joinColumns;
    const referenced = joinColumn.referencedColumn ?? target.primaryColumns[0];
    const sql =
      ` LEFT JOIN ${quote(target.tableName)} ${quote(alias)}` +
      ` ON ${quote(alias)}.${quote(referenced.databaseName)} = ${quote('e')}.${quote(joinColumn.databaseName)}`;
    return { property, sql, ...reader(target, alias) };
  });
  const selectFrom = `SELECT ${select.join(', ')} FROM ${quote(metadata.tableName)} ${quote('e')}${joins.map((join) => join.sql).join('')}`;
  const ref = (property: string) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name}.${property} is not a column`);
    return `${quote('e')}.${quote(column.databaseName)}`;
  };
  /** One raw row as TypeORM would hydrate it: every column converted, each joined relation set. */
  const toEntity = (raw: Record<string, unknown>): T => {
    const row = root.read(raw);
    // No joined row (its key NULL): the relation is null, as TypeORM sets it.
    for (const join of joins) row[join.property] = raw[join.keyName] === null || raw[join.keyName] === undefined ? null : join.read(raw);
    return row as T;
  };
  const texts = new Map<string, string>();
  return {
    ref,
    find: async (target, rest, parameters = {}) => {
      let sql = texts.get(rest);
      if (sql === undefined) {
        sql = `${selectFrom} ${rest.replace(/\{(\w+)\}/g, (_, property: string) => ref(property))}`;
        // The texts callers pass are a handful of fixed strings; the bound keeps a mistake from growing it.
        if (texts.size < 64) texts.set(rest, sql);
      }
      const [text, values] = driver.escapeQueryWithParameters(sql, parameters);
      const rows = await rawQuery<Record<string, unknown>>(target, text, values);
      return rows.map(toEntity);
    },
  };
}
