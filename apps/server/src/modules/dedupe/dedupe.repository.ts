import { Injectable } from '@nestjs/common';
import type { TicketStatus } from '@ssp/contracts';
import { DataSource, type ObjectLiteral } from 'typeorm';
import { rawTable } from '../../core/database/raw-statement.util';
import { Photo } from '../photos/entities/photo.entity';
import { ReferenceDataService } from '../reference/reference-data.service';
import { Report } from '../reports/entities/report.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { geohashCellRanges } from './geohash-range.util';
import type { IndexQuery } from './open-ticket-index';
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

/** The candidate lookup: the same question for the database query and for the in-memory index. */
export type NearbyTicketQuery = IndexQuery;

export type NearbyTicket = Pick<Ticket, 'id' | 'categoryId' | 'lat' | 'lng' | 'description' | 'createdAt'>;

/** A ticket row as the candidate index (OpenTicketIndexService) reads it. */
export type IndexRow = Pick<Ticket, 'id' | 'status' | 'categoryId' | 'lat' | 'lng' | 'geohash' | 'createdAt' | 'updatedAt'>;

const INDEX_FIELDS = ['id', 'status', 'categoryId', 'lat', 'lng', 'geohash', 'createdAt', 'updatedAt'] as const;
const NEARBY_FIELDS = ['id', 'categoryId', 'lat', 'lng', 'description', 'createdAt'] as const;

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
  const { tableUsingIndex, ref: c, as, hydrate } = rawTable(dataSource, Ticket);
  const createdAtOf = hydrate('createdAt');
  const selectFrom = `SELECT ${NEARBY_FIELDS.map(as).join(', ')} FROM ${tableUsingIndex('IDX_tickets_nearby')}`;
  const fixed =
    `${c('status')} IN (:...statuses) AND ${c('createdAt')} >= :since` +
    ` AND ${c('lat')} BETWEEN :minLat AND :maxLat AND ${c('lng')} BETWEEN :minLng AND :maxLng`;
  const orderBy = ` ORDER BY (${c('lat')} - :lat) * (${c('lat')} - :lat) + (${c('lng')} - :lng) * (${c('lng')} - :lng) * :lngScale2 ASC`;
  return {
    async run(query, order, limit) {
      const parameters: ObjectLiteral = { statuses: DEDUPE_OPEN_STATUSES, since: query.createdSince, ...query.box, ...order };
      const cells = geohashCellRanges(query.cells).map((range, i) => {
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

/** Sorted by planar distance to `centre` (fine at street scale), nearest first. */
function nearestFirst<T extends { lat: number; lng: number }>(rows: readonly T[], centre: { lat: number; lng: number }): T[] {
  const lngScale2 = Math.cos(centre.lat * RADIANS_PER_DEGREE) ** 2;
  return rows
    .map((row) => ({ row, key: (row.lat - centre.lat) ** 2 + (row.lng - centre.lng) ** 2 * lngScale2 }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.row);
}

/** Raw statements with dates hydrated as the entity would have them. */
function prepareTicketReads(dataSource: DataSource) {
  const driver = dataSource.driver;
  const { table, ref: c, as, hydrate } = rawTable(dataSource, Ticket);
  const createdAtOf = hydrate('createdAt');
  const updatedAtOf = hydrate('updatedAt');
  const indexSelect = `SELECT ${INDEX_FIELDS.map(as).join(', ')} FROM ${table}`;
  const open = `${c('status')} IN (:...statuses)`;
  const run = async <T extends { createdAt: Date }>(sql: string, parameters: ObjectLiteral): Promise<T[]> => {
    const [text, values] = driver.escapeQueryWithParameters(sql, parameters);
    const rows = await dataSource.query<Array<T & { createdAt: unknown; updatedAt?: unknown }>>(text, values);
    return rows.map((row) => ({ ...row, createdAt: createdAtOf(row.createdAt) as Date, ...(row.updatedAt !== undefined ? { updatedAt: updatedAtOf(row.updatedAt) as Date } : {}) }));
  };
  return {
    openSince: (since: Date) => run<IndexRow>(`${indexSelect} WHERE ${c('createdAt')} >= :since AND ${open}`, { since, statuses: DEDUPE_OPEN_STATUSES }),
    changedSince: (since: Date, limit: number) =>
      run<IndexRow>(`${indexSelect} WHERE ${c('updatedAt')} >= :since ORDER BY ${c('updatedAt')} ASC LIMIT ${Math.trunc(limit)}`, { since }),
    openByIds: (ids: readonly string[], since: Date, categoryIds: readonly string[] | null) =>
      run<NearbyTicket>(
        `SELECT ${NEARBY_FIELDS.map(as).join(', ')} FROM ${table} WHERE ${c('id')} IN (:...ids) AND ${open} AND ${c('createdAt')} >= :since` +
          (categoryIds ? ` AND ${c('categoryId')} IN (:...categoryIds)` : ''),
        { ids, since, statuses: DEDUPE_OPEN_STATUSES, ...(categoryIds ? { categoryIds } : {}) },
      ),
  };
}

@Injectable()
export class DedupeRepository {
  private nearStatement?: NearStatement;
  private ticketReads?: ReturnType<typeof prepareTicketReads>;
  private photosStatement?: string;

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
   * (planar distance, fine at street scale), at most `limit`. The cells are read as ranges of the
   * (geohash, status, …) index, neighbouring cells joined; the caller filters the rows by exact distance.
   *
   * The rows are sorted here, not by the database: an ORDER BY on a computed distance is a filesort of
   * every matching row before the LIMIT. Up to `limit × UNSORTED_FACTOR` rows are read unsorted; only a
   * corner with more open tickets than that (every one of them a candidate) falls back to the sorted
   * statement, so the answer is the same nearest `limit` either way.
   */
  async openTicketsNear(query: NearbyTicketQuery): Promise<NearbyTicket[]> {
    if (query.cells.length === 0) return [];
    const statement = (this.nearStatement ??= prepareNearStatement(this.dataSource));
    const cap = query.limit * UNSORTED_FACTOR;
    const unsorted = await statement.run(query, null, cap);
    const lngScale2 = Math.cos(query.centre.lat * RADIANS_PER_DEGREE) ** 2;
    const rows = unsorted.length < cap ? unsorted : await statement.run(query, { lat: query.centre.lat, lng: query.centre.lng, lngScale2 }, query.limit);
    return nearestFirst(rows, query.centre).slice(0, query.limit);
  }

  /**
   * The open tickets among `ids` (the candidate index's answer, checked against the database: a ticket
   * closed or reclassified since the index last heard of it drops out), in the window and the
   * categories; nearest first as `openTicketsNear` answers.
   */
  async openTicketsByIds(ids: readonly string[], query: Pick<NearbyTicketQuery, 'centre' | 'createdSince' | 'categoryIds'>): Promise<NearbyTicket[]> {
    if (ids.length === 0) return [];
    return nearestFirst(await this.reads().openByIds(ids, query.createdSince, query.categoryIds), query.centre);
  }

  /** Every open ticket opened since `since` (the candidate index's first load; served by IDX_tickets_stats' createdAt prefix). */
  openTicketsSince(since: Date): Promise<IndexRow[]> {
    return this.reads().openSince(since);
  }

  /** Tickets changed since `since`, oldest change first, at most `limit` (IDX_tickets_changed). */
  ticketsChangedSince(since: Date, limit: number): Promise<IndexRow[]> {
    return this.reads().changedSince(since, limit);
  }

  private reads(): ReturnType<typeof prepareTicketReads> {
    return (this.ticketReads ??= prepareTicketReads(this.dataSource));
  }

  /** dHash and fingerprint of the photos of every report attached to each ticket (a statement written once). */
  async photosByTicket(ticketIds: readonly string[]): Promise<Map<string, ComparablePhoto[]>> {
    const byTicket = new Map<string, ComparablePhoto[]>(ticketIds.map((id) => [id, []]));
    if (ticketIds.length === 0) return byTicket;
    if (!this.photosStatement) {
      const photos = rawTable(this.dataSource, Photo);
      const reports = rawTable(this.dataSource, Report);
      this.photosStatement =
        `SELECT r.${reports.ref('ticketId')} AS ${reports.quote('ticketId')}, p.${photos.ref('phash')} AS ${photos.quote('phash')}, ` +
        `p.${photos.ref('fingerprint')} AS ${photos.quote('fingerprint')} FROM ${photos.table} p INNER JOIN ${reports.table} r ` +
        `ON r.${reports.ref('id')} = p.${photos.ref('reportId')} WHERE r.${reports.ref('ticketId')} IN (:...ticketIds)`;
    }
    const [sql, values] = this.dataSource.driver.escapeQueryWithParameters(this.photosStatement, { ticketIds });
    const rows = await this.dataSource.query<Array<{ ticketId: string; phash: string; fingerprint: string | null }>>(sql, values);
    for (const row of rows) byTicket.get(row.ticketId)?.push({ phash: row.phash, fingerprint: row.fingerprint });
    return byTicket;
  }
}
