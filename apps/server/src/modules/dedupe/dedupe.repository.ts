import { Injectable } from '@nestjs/common';
import type { TicketStatus } from '@ssp/contracts';
import { DataSource } from 'typeorm';
import { Category } from '../categories/entities/category.entity';
import { Photo } from '../photos/entities/photo.entity';
import { Report } from '../reports/entities/report.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { inGeohashCells } from './geohash-cells.query';
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

@Injectable()
export class DedupeRepository {
  constructor(private readonly dataSource: DataSource) {}

  async category(id: string): Promise<DedupeCategory | null> {
    const categories = this.dataSource.getRepository(Category);
    const own = await categories.findOne({ where: { id }, select: { id: true, parentId: true, dedupeRadiusMetres: true } });
    if (!own) return null;
    const family = own.parentId ?? own.id;
    const related = await categories
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .where('c.id = :family OR c.parentId = :family', { family })
      .getRawMany<{ id: string }>();
    return { id: own.id, parentId: own.parentId, dedupeRadiusMetres: own.dedupeRadiusMetres, relatedIds: related.map((row) => row.id) };
  }

  /**
   * Open tickets created since `createdSince` in the given geohash cells and bounding box, nearest first
   * (planar distance, fine at street scale), at most `limit`. Each cell is one range of the
   * (geohash, status, …) index; the caller filters the rows by exact distance.
   */
  openTicketsNear(query: NearbyTicketQuery): Promise<NearbyTicket[]> {
    const lngScale = Math.cos(query.centre.lat * RADIANS_PER_DEGREE);
    const qb = this.dataSource
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .select(['t.id', 't.categoryId', 't.lat', 't.lng', 't.description', 't.createdAt'])
      .where(inGeohashCells('t.geohash', query.cells))
      .andWhere('t.status IN (:...statuses)', { statuses: DEDUPE_OPEN_STATUSES })
      .andWhere('t.createdAt >= :since', { since: query.createdSince })
      .andWhere('t.lat BETWEEN :minLat AND :maxLat AND t.lng BETWEEN :minLng AND :maxLng', query.box)
      .orderBy('(t.lat - :lat) * (t.lat - :lat) + (t.lng - :lng) * (t.lng - :lng) * :lngScale2', 'ASC')
      .setParameters({ lat: query.centre.lat, lng: query.centre.lng, lngScale2: lngScale * lngScale })
      .limit(query.limit);
    if (query.categoryIds) qb.andWhere('t.categoryId IN (:...categoryIds)', { categoryIds: query.categoryIds });
    return qb.getMany();
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
