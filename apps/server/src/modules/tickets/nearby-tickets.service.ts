import { Injectable } from '@nestjs/common';
import { ErrorCode, TICKET_STATUS_LABELS, type NearbyTicketsResponse, type PublicTicketView, type TicketStatus } from '@ssp/contracts';
import { boxAroundMetres, geohashesCoveringRadius, haversineMetres, roundLatLng, toGcj02 } from '@ssp/geo';
import { DomainError } from '../../core/errors/domain.error';
import { TextFilterService } from '../filtering/text-filter.service';
import { RegionsService } from '../regions/regions.service';
import type { NearbyQueryDto } from './dto/nearby-query.dto';
import { NearbyTicketsRepository, type PublicTicketRow } from './nearby-tickets.repository';
import { TicketsService } from './tickets.service';

export const NEARBY_DEFAULT_RADIUS = 1000;
/** Wider circles are cut to this: a resident looks at their neighbourhood, and the query stays cheap. */
export const NEARBY_MAX_RADIUS = 3000;
/** Narrower circles are widened to this: the locations are rounded to ~100 m anyway. */
export const NEARBY_MIN_RADIUS = 100;
/** The nearest ones; enough for a phone's list and map. */
export const NEARBY_LIMIT = 100;

/** Problems still being worked on. */
export const NEARBY_OPEN_STATUSES: readonly TicketStatus[] = ['pending_triage', 'dispatched', 'in_progress'];
/** Finished problems residents like to see near them for a while: the city did something. */
export const NEARBY_DONE_STATUSES: readonly TicketStatus[] = ['resolved', 'closed'];
export const NEARBY_RESOLVED_DAYS = 30;
/**
 * Only done tickets created within this many days are looked at: years of closed tickets would
 * otherwise each cost a row read to check `resolvedAt`. A problem that took longer than two months
 * is left out of the "recently resolved" view; open ones show whatever their age.
 */
export const NEARBY_DONE_CREATED_DAYS = 90;

/**
 * Rows are fetched with some slack beyond the radius, then kept or dropped by their *rounded* position:
 * the answer then depends only on rounded points, so moving the query point about cannot reveal where
 * within its ~100 m cell a problem (and the resident who reported it) really is.
 */
const ROUNDING_SLACK_METRES = 100;

const DAY_MS = 86_400_000;

@Injectable()
export class NearbyTicketsService {
  constructor(
    private readonly repository: NearbyTicketsRepository,
    private readonly regions: RegionsService,
    private readonly textFilter: TextFilterService,
    private readonly tickets: TicketsService,
  ) {}

  async nearby(query: NearbyQueryDto, now = new Date()): Promise<NearbyTicketsResponse> {
    const point = { lat: query.lat, lng: query.lng, coordSystem: query.coordSystem ?? 'gcj02' };
    // Validates the coordinate system and range with the same messages as the report form's check.
    const located = await this.regions.locate(point);
    if (!located.inServiceArea) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, '该位置不在本市服务范围内，只能查看本市的问题');
    }
    const centre = toGcj02(point);
    const radius = Math.min(NEARBY_MAX_RADIUS, Math.max(NEARBY_MIN_RADIUS, Math.round(query.radius ?? NEARBY_DEFAULT_RADIUS)));
    const searchMetres = radius + ROUNDING_SLACK_METRES;
    const rows = await this.repository.publicTicketsNear({
      cells: geohashesCoveringRadius(centre.lat, centre.lng, searchMetres),
      box: boxAroundMetres(centre, searchMetres),
      centre,
      openStatuses: NEARBY_OPEN_STATUSES,
      doneStatuses: NEARBY_DONE_STATUSES,
      resolvedSince: new Date(now.getTime() - NEARBY_RESOLVED_DAYS * DAY_MS),
      doneCreatedSince: new Date(now.getTime() - NEARBY_DONE_CREATED_DAYS * DAY_MS),
      limit: NEARBY_LIMIT,
    });
    const regionNames = await this.tickets.regionNames();
    const items: PublicTicketView[] = [];
    for (const row of rows) {
      const location = roundLatLng(row);
      const distance = Math.round(haversineMetres(centre, location));
      if (distance > radius) continue;
      items.push(await this.publicView(row, location, distance, regionNames));
    }
    items.sort((a, b) => a.distance - b.distance || a.ticketNo.localeCompare(b.ticketNo));
    return { items, radius };
  }

  private async publicView(
    row: PublicTicketRow,
    location: { lat: number; lng: number },
    distance: number,
    regionNames: Map<string, string>,
  ): Promise<PublicTicketView> {
    return {
      id: row.id,
      ticketNo: row.ticketNo,
      status: row.status,
      statusLabel: TICKET_STATUS_LABELS[row.status],
      category: row.category ? { code: row.category.code, name: row.category.name } : null,
      description: await this.textFilter.publicText(row.description),
      location,
      regionCode: row.regionCode,
      regionName: row.regionCode ? (regionNames.get(row.regionCode) ?? null) : null,
      supporterCount: row.supporterCount,
      distance,
      createdAt: row.createdAt.toISOString(),
    };
  }
}
