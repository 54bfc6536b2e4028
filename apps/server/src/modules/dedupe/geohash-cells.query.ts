import { Brackets } from 'typeorm';
import { geohashCellRanges } from './geohash-range.util';

/**
 * `column` within any of the geohash cells, as index ranges (`IDX_tickets_nearby` and the like), neighbouring
 * cells joined into one range; parameter names start with `prefix` so two such conditions can share a query.
 */
export function inGeohashCells(column: string, cells: readonly string[], prefix = 'cell'): Brackets {
  return new Brackets((where) => {
    geohashCellRanges(cells).forEach((range, i) => {
      const from = `${prefix}From${i}`;
      const to = `${prefix}To${i}`;
      const condition = range.to === null ? `${column} >= :${from}` : `(${column} >= :${from} AND ${column} < :${to})`;
      where.orWhere(condition, { [from]: range.from, [to]: range.to });
    });
  });
}
