import { Column, type ColumnOptions } from 'typeorm';
import type { DatabaseEngine } from '../config/app-config';

/**
 * Large text (GeoJSON outlines, long JSON documents) needs MEDIUMTEXT on MySQL, whose TEXT stops at
 * 64 KB, while SQLite only knows TEXT. TypeORM keeps the options object a decorator registered, so the
 * engine-specific type is filled in once the engine is known, before the data source builds metadata.
 */
const largeTextColumns: ColumnOptions[] = [];

export function LargeTextColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  const columnOptions: ColumnOptions = { ...options, type: 'text' };
  largeTextColumns.push(columnOptions);
  return Column(columnOptions);
}

export function applyEngineColumnTypes(engine: DatabaseEngine): void {
  for (const options of largeTextColumns) options.type = engine === 'mysql' ? 'mediumtext' : 'text';
}
