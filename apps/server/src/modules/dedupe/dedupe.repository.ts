import { Injectable } from '@nestjs/common';
import type { TicketStatus } from '@ssp/contracts';
import { DataSource, type ObjectLiteral } from 'typeorm';
import { rawTable } from '../../core/database/raw-statement.util';
import { Photo } from '../photos/entities/photo.entity';
import { ReferenceDataService } from '../reference/reference-data.service';
import { Report } from '../reports/entities/report.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { geohashPrefixRange } from './geohash-range.util';
import type { ComparablePhoto } from './photo-evidence.util';

/** Tickets a new report can still join: not resolved, closed or rejected. */
export const DEDUPE_OPEN_STATUSES: readonly TicketStatus[] = ['pending_triage', 'dispatched', 'in_progress'];

/** The report's category with what duplicate detection needs: its radius and the categories it may merge with. */
export interface DedupeCategory {
  id: string;
  parentId: string | null;
  dedupeRadiusMetres: number;
  /** Itself, its parent (大类) and its siblings; for a 大类, itself and its children. */
  relatedIds: string[];
}

export interface NearbyTicketQuery {
  /** Geohash prefixes covering the circle (libs/geo `geohashesCoveringRadius`). */
  cells: readonly string[];
  /** The circle's bounding box, checked on the rows the cells find. */
  box: { minLat: number; maxLat: number; minLng: number; maxLng: number };
  centre: { lat: number; lng: number };
  createdSince: Date;
  /** null: any category (the report has none). */
  categoryIds: readonly string[] | null;
  limit: number;
}

export type NearbyTicket = Pick<Ticket, 'id' | 'categoryId' | 'lat' | 'lng' | 'description' | 'createdAt'>;

const RADIANS_PER_DEGREE = Math.PI / 180;
/** How many times `limit` rows the unsorted candidate read may return before the sorted statement is needed. */
const UNSORTED_FACTOR = 4;

interface NearStatement {
  /** Unsorted when `order` is null; else nearest first by the planar distance to `order`. */
  run(query: NearbyTicketQuery, order: { lat: number; lng: number; lngScale2: number } | null, limit: number): Promise<NearbyTicket[]>;
}

/**
 * The candidate statement as raw parameterised SQL (the lookup runs for every report: no query building
 * or entity hydration), with column names and quoting from the entity metadata and dates hydrated the
 * way the entity would be.
 */
function prepareNearStatement(dataSource: DataSource): NearStatement {
  const driver = dataSource.driver;
  const { table, ref: c, as, hydrate } = rawTable(dataSource, Ticket);
  const createdAtOf = hydrate('createdAt');
  const selectFrom = `SELECT ${['id', 'categoryId', 'lat', 'lng', 'description', 'createdAt'].map(as).join(', ')} FROM ${table}`;
  const fixed =
    `${c('status')} IN (:...statuses) AND ${c('createdAt')} >= :since` +
    ` AND ${c('lat')} BETWEEN :minLat AND :maxLat AND ${c('lng')} BETWEEN :minLng AND :maxLng`;
  const orderBy = ` ORDER BY (${c('lat')} - :lat) * (${c('lat')} - :lat) + (${c('lng')} - :lng) * (${c('lng')} - :lng) * :lngScale2 ASC`;
  return {
    async run(query, order, limit) {
      const parameters: ObjectLiteral = { statuses: DEDUPE_OPEN_STATUSES, since: query.createdSince, ...query.box, ...order };
      const cells = query.cells.map((cell, i) => {
        const range = geohashPrefixRange(cell);
        parameters[`from${i}`] = range.from;
        if (range.to === null) return `${c('geohash')} >= :from${i}`;
        parameters[`to${i}`] = range.to;
        return `(${c('geohash')} >= :from${i} AND ${c('geohash')} < :to${i})`;
      });
      let sql = `${selectFrom} WHERE (${cells.join(' OR ')}) AND ${fixed}`;
      if (query.categoryIds) {
        sql += ` AND ${c('categoryId')} IN (:...categoryIds)`;
        parameters.categoryIds = query.categoryIds;
      }
      sql += `${order ? orderBy : ''} LIMIT ${Math.trunc(limit)}`;
      const [text, values] = driver.escapeQueryWithParameters(sql, parameters);
      const rows = await dataSource.query<Array<NearbyTicket & { createdAt: unknown }>>(text, values);
      return rows.map((row) => ({
        id: row.id,
        categoryId: row.categoryId,
        lat: row.lat,
        lng: row.lng,
        description: row.description,
        createdAt: createdAtOf(row.createdAt) as Date,
      }));
    },
  };
}

@Injectable()
export class DedupeRepository {
  private nearStatement?: NearStatement;

  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
  ) {}

  async category(id: string): Promise<DedupeCategory | null> {
    const own = await this.reference.categoryById(id);
    if (!own) return null;
    const related = await this.reference.family(id);
    return { id: own.id, parentId: own.parentId, dedupeRadiusMetres: own.dedupeRadiusMetres, relatedIds: related.map((category) => category.id) };
  }

  /**
   * Open tickets created since `createdSince` in the given geohash cells and bounding box, nearest first
   * (planar distance, fine at street scale), at most `limit`. Each cell is one range of the
   * (geohash, status, …) index; the caller filters the rows by exact distance.
   *
   * The rows are sorted here, not by the database: an ORDER BY on a computed distance is a filesort of
   * every matching row before the LIMIT. Up to `limit × UNSORTED_FACTOR` rows are read unsorted; only a
   * corner with more open tickets than that (every one of them a candidate) falls back to the sorted
   * statement, so the answer is the same nearest `limit` either way.
   */
  async openTicketsNear(query: NearbyTicketQuery): Promise<NearbyTicket[]> {
    if (query.cells.length === 0) return [];
    const statement = (this.nearStatement ??= prepareNearStatement(this.dataSource));
    const lngScale = Math.cos(query.centre.lat * RADIANS_PER_DEGREE);
    const lngScale2 = lngScale * lngScale;
    const distance2 = (row: { lat: number; lng: number }) =>
      (row.lat - query.centre.lat) * (row.lat - query.centre.lat) + (row.lng - query.centre.lng) * (row.lng - query.centre.lng) * lngScale2;
    const cap = query.limit * UNSORTED_FACTOR;
    const unsorted = await statement.run(query, null, cap);
    const rows = unsorted.length < cap ? unsorted : await statement.run(query, { lat: query.centre.lat, lng: query.centre.lng, lngScale2 }, query.limit);
    return rows
      .map((row) => ({ row, key: distance2(row) }))
      .sort((a, b) => a.key - b.key)
      .slice(0, query.limit)
      .map((entry) => entry.row);
  }

  /** dHash and fingerprint of the photos of every report attached to each ticket. */
  async photosByTicket(ticketIds: readonly string[]): Promise<Map<string, ComparablePhoto[]>> {
    const byTicket = new Map<string, ComparablePhoto[]>(ticketIds.map((id) => [id, []]));
    if (ticketIds.length === 0) return byTicket;
    const rows = await this.dataSource
      .getRepository(Photo)
      .createQueryBuilder('p')
      .innerJoin(Report, 'r', 'r.id = p.reportId')
      .select('r.ticketId', 'ticketId')
      .addSelect('p.phash', 'phash')
      .addSelect('p.fingerprint', 'fingerprint')
      .where('r.ticketId IN (:...ticketIds)', { ticketIds })
      .getRawMany<{ ticketId: string; phash: string; fingerprint: string | null }>();
    for (const row of rows) byTicket.get(row.ticketId)?.push({ phash: row.phash, fingerprint: row.fingerprint });
    return byTicket;
  }
}
