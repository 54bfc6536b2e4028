import { Brackets } from 'typeorm';
import { geohashPrefixRange } from './geohash-range.util';

/**
 * `column` within any of the geohash cells, as one index range per cell (`IDX_tickets_nearby` and the
 * like); parameter names start with `prefix` so two such conditions can share a query.
 */
export function inGeohashCells(column: string, cells: readonly string[], prefix = 'cell'): Brackets {
  return new Brackets((where) => {
    cells.forEach((cell, i) => {
      const range = geohashPrefixRange(cell);
      const from = `${prefix}From${i}`;
      const to = `${prefix}To${i}`;
      const condition = range.to === null ? `${column} >= :${from}` : `(${column} >= :${from} AND ${column} < :${to})`;
      where.orWhere(condition, { [from]: range.from, [to]: range.to });
    });
  });
}
