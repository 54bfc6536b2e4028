import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, TICKET_STATUS_LABELS, type NearbyTicketsResponse, type PublicTicketView, type TicketStatus } from '@ssp/contracts';
import { boxAroundMetres, geohashesCoveringBox, haversineMetres, roundLatLng, toGcj02 } from '@ssp/geo';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { DomainError } from '../../core/errors/domain.error';
import { TextFilterService } from '../filtering/text-filter.service';
import { RegionsService } from '../regions/regions.service';
import type { NearbyQueryDto } from './dto/nearby-query.dto';
import { NearbyTicketsRepository, type PublicTicketRow } from './nearby-tickets.repository';
import { NearbyTileCache } from './nearby-tile-cache';
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
 * The rows are read and kept (NearbyTileCache) per tile: a 6-character geohash cell, 1.2 km × 0.6 km in
 * Nanjing, so a 1 km circle takes about 15 tiles and 3 km about 70. The 3 × 3 block of
 * geohashesCoveringRadius would be 5-character cells 4.9 km across: on the city of tools/bench/city
 * 250,000 index entries to read for one 1 km request instead of ~16,000, 320 ms instead of ~15 ms.
 */
export const NEARBY_TILE_PRECISION = 6;
const NEARBY_MAX_TILES = 512;
/** Tiles kept per process: 20,000 covers a city of 14,000 km² (a few MB: the tiles' visible tickets). */
const NEARBY_CACHED_TILES = 20_000;

/**
 * Rows are fetched with some slack beyond the radius, then kept or dropped by their *rounded* position:
 * the answer then depends only on rounded points, so moving the query point about cannot reveal where
 * within its ~100 m cell a problem (and the resident who reported it) really is.
 */
const ROUNDING_SLACK_METRES = 100;

const DAY_MS = 86_400_000;

@Injectable()
export class NearbyTicketsService {
  private readonly tileCache: NearbyTileCache<PublicTicketRow>;

  constructor(
    private readonly repository: NearbyTicketsRepository,
    private readonly regions: RegionsService,
    private readonly textFilter: TextFilterService,
    private readonly tickets: TicketsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tileCache = new NearbyTileCache(config.tickets.nearbyCacheSeconds * 1000, NEARBY_CACHED_TILES, (tiles) => this.loadTiles(tiles));
  }

  async nearby(query: NearbyQueryDto, now = new Date()): Promise<NearbyTicketsResponse> {
    const point = { lat: query.lat, lng: query.lng, coordSystem: query.coordSystem ?? 'gcj02' };
    // Validates the coordinate system and range with the same messages as the report form's check.
    const located = await this.regions.locate(point);
    if (!located.inServiceArea) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, '该位置不在本市服务范围内，只能查看本市的问题');
    }
    const centre = toGcj02(point);
    const radius = Math.min(NEARBY_MAX_RADIUS, Math.max(NEARBY_MIN_RADIUS, Math.round(query.radius ?? NEARBY_DEFAULT_RADIUS)));
    const box = boxAroundMetres(centre, radius + ROUNDING_SLACK_METRES);
    const tiles = geohashesCoveringBox(box, NEARBY_MAX_TILES, NEARBY_TILE_PRECISION);
    // A tile's rows may be a few seconds old: one resolved since then drops out of the window here.
    const resolvedSince = now.getTime() - NEARBY_RESOLVED_DAYS * DAY_MS;
    // Rows outside the box need no test of their own: the rounded-distance cut below drops them.
    const nearest = (await this.tileCache.rowsOf(tiles, now.getTime()))
      .filter((row) => !NEARBY_DONE_STATUSES.includes(row.status) || (row.resolvedAt !== null && row.resolvedAt.getTime() >= resolvedSince))
      .map((row) => {
        const location = roundLatLng(row);
        return { row, location, distance: Math.round(haversineMetres(centre, location)) };
      })
      .filter((candidate) => candidate.distance <= radius)
      .sort((a, b) => a.distance - b.distance || a.row.ticketNo.localeCompare(b.row.ticketNo))
      .slice(0, NEARBY_LIMIT);
    const regionNames = await this.tickets.regionNames();
    const items: PublicTicketView[] = [];
    for (const { row, location, distance } of nearest) items.push(await this.publicView(row, location, distance, regionNames));
    return { items, radius };
  }

  /** The public rows of these tiles, read from the database in one statement. */
  private async loadTiles(tiles: string[]): Promise<Map<string, PublicTicketRow[]>> {
    const now = Date.now();
    const rows = await this.repository.publicTicketsIn({
      cells: tiles,
      openStatuses: NEARBY_OPEN_STATUSES,
      doneStatuses: NEARBY_DONE_STATUSES,
      resolvedSince: new Date(now - NEARBY_RESOLVED_DAYS * DAY_MS),
      doneCreatedSince: new Date(now - NEARBY_DONE_CREATED_DAYS * DAY_MS),
    });
    const byTile = new Map<string, PublicTicketRow[]>();
    for (const row of rows) {
      const tile = row.geohash.slice(0, NEARBY_TILE_PRECISION);
      const list = byTile.get(tile);
      if (list) list.push(row);
      else byTile.set(tile, [row]);
    }
    return byTile;
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
