import { Injectable } from '@nestjs/common';
import type { TicketStatus } from '@ssp/contracts';
import type { LatLngBox } from '@ssp/geo';
import { Brackets, DataSource } from 'typeorm';
import { inGeohashCells } from '../dedupe/geohash-cells.query';
import { Ticket } from './entities/ticket.entity';

export interface PublicTicketQuery {
  /** Geohash prefixes covering the circle; each is one range of `IDX_tickets_nearby`. */
  cells: readonly string[];
  box: LatLngBox;
  centre: { lat: number; lng: number };
  openStatuses: readonly TicketStatus[];
  doneStatuses: readonly TicketStatus[];
  /** Done tickets are shown only when resolved since then… */
  resolvedSince: Date;
  /** …and created since then: a column of the index, so old closed tickets cost no row reads. */
  doneCreatedSince: Date;
  limit: number;
}

export type PublicTicketRow = Pick<
  Ticket,
  'id' | 'ticketNo' | 'status' | 'description' | 'lat' | 'lng' | 'regionCode' | 'supporterCount' | 'createdAt' | 'category'
>;

const RADIANS_PER_DEGREE = Math.PI / 180;

/** The public "附近的问题" read: only the columns a public view may show, never reporter data. */
@Injectable()
export class NearbyTicketsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Tickets in the cells and box, nearest first (planar distance, fine at city scale), at most `limit`. */
  publicTicketsNear(query: PublicTicketQuery): Promise<PublicTicketRow[]> {
    const lngScale = Math.cos(query.centre.lat * RADIANS_PER_DEGREE);
    return this.dataSource
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .leftJoin('t.category', 'c')
      .select(['t.id', 't.ticketNo', 't.status', 't.description', 't.lat', 't.lng', 't.regionCode', 't.supporterCount', 't.createdAt'])
      .addSelect(['c.id', 'c.code', 'c.name'])
      .where(inGeohashCells('t.geohash', query.cells))
      .andWhere(
        new Brackets((status) => {
          status
            .where('t.status IN (:...openStatuses)', { openStatuses: query.openStatuses })
            .orWhere('(t.status IN (:...doneStatuses) AND t.createdAt >= :doneCreatedSince AND t.resolvedAt >= :resolvedSince)', {
              doneStatuses: query.doneStatuses,
              doneCreatedSince: query.doneCreatedSince,
              resolvedSince: query.resolvedSince,
            });
        }),
      )
      .andWhere('t.lat BETWEEN :minLat AND :maxLat AND t.lng BETWEEN :minLng AND :maxLng', query.box)
      .orderBy('(t.lat - :lat) * (t.lat - :lat) + (t.lng - :lng) * (t.lng - :lng) * :lngScale2', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .setParameters({ lat: query.centre.lat, lng: query.centre.lng, lngScale2: lngScale * lngScale })
      .limit(query.limit)
      .getMany();
  }
}
