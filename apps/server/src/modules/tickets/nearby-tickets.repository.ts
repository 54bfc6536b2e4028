import { Injectable } from '@nestjs/common';
import type { TicketStatus } from '@ssp/contracts';
import { Brackets, DataSource } from 'typeorm';
import { inGeohashCells } from '../dedupe/geohash-cells.query';
import { Ticket } from './entities/ticket.entity';

export interface PublicTicketQuery {
  /** Geohash prefixes (the tiles); each is one range of `IDX_tickets_nearby`, neighbours joined. */
  cells: readonly string[];
  openStatuses: readonly TicketStatus[];
  doneStatuses: readonly TicketStatus[];
  /** Done tickets are shown only when resolved since then… */
  resolvedSince: Date;
  /** …and created since then: a column of the index, so old closed tickets cost no row reads. */
  doneCreatedSince: Date;
}

export type PublicTicketRow = Pick<
  Ticket,
  'id' | 'ticketNo' | 'status' | 'description' | 'lat' | 'lng' | 'geohash' | 'regionCode' | 'supporterCount' | 'createdAt' | 'resolvedAt' | 'category'
>;

/** The public "附近的问题" read: only the columns a public view may show (and filter on), never reporter data. */
@Injectable()
export class NearbyTicketsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every ticket in the cells that the public view shows: open ones, and done ones resolved lately. */
  publicTicketsIn(query: PublicTicketQuery): Promise<PublicTicketRow[]> {
    if (query.cells.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .leftJoin('t.category', 'c')
      .select(['t.id', 't.ticketNo', 't.status', 't.description', 't.lat', 't.lng', 't.geohash', 't.regionCode', 't.supporterCount', 't.createdAt', 't.resolvedAt'])
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
      .getMany();
  }
}
