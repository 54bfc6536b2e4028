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
  return {
    table: quote(metadata.tableName),
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
