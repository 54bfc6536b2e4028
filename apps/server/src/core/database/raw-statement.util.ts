import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

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
   * no such estimates: the table as it is.
   */
  tableUsingIndex(index: string): string;
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
    tableUsingIndex: (index) => {
      if (!metadata.indices.some((entry) => entry.name === index)) throw new Error(`${metadata.name} has no index ${index}`);
      return driver.options.type === 'better-sqlite3' ? table : `${table} USE INDEX (${quote(index)})`;
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
