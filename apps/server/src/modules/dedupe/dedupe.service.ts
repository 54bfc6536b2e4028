import { Inject, Injectable } from '@nestjs/common';
import { fingerprintSimilarity, textFingerprint } from '@ssp/text';
import { geohashesCoveringRadius, haversineMetres } from '@ssp/geo';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { DedupeRepository, type DedupeCategory, type NearbyTicket } from './dedupe.repository';
import { GPS_MARGIN_METRES, scoreDuplicate, type CategoryRelation, type DuplicateScoreParts } from './duplicate-score.util';
import { OpenTicketIndexService } from './open-ticket-index.service';
import { photoEvidenceOf, type ComparablePhoto } from './photo-evidence.util';
import { TextFingerprintCache } from './text-fingerprint.cache';

/** At most this many of the nearest open tickets are scored: a busy corner never costs more than this. */
export const MAX_DEDUPE_CANDIDATES = 50;

const DAY_MS = 86_400_000;
const METRES_PER_DEGREE_LAT = 111_195;
const RADIANS_PER_DEGREE = Math.PI / 180;

export interface DuplicateQuery {
  /** GCJ-02, like the tickets' positions. */
  lat: number;
  lng: number;
  /** The report's category (chosen or classified); null when it has none yet. */
  categoryId: string | null;
  /** The report's photos (may be empty): dHash and fingerprint of each. */
  photos: readonly ComparablePhoto[];
  description: string;
  now: Date;
}

export interface DuplicateMatch {
  ticketId: string;
  score: number;
  parts: DuplicateScoreParts;
}

function relationOf(category: DedupeCategory | null, ticketCategoryId: string | null): CategoryRelation {
  if (!category || ticketCategoryId === null) return 'unknown';
  if (ticketCategoryId === category.id) return 'same';
  return category.relatedIds.includes(ticketCategoryId) ? 'parent' : 'unrelated';
}

/**
 * Finds the open ticket a new report most likely duplicates (ARCHITECTURE.md §6 step 4): open tickets of a
 * related category within the category's radius (plus GPS margin) and the time window, through the geohash
 * index, each scored by `scoreDuplicate`; the best one at or above the threshold wins. Merging is the caller's.
 */
@Injectable()
export class DedupeService {
  private readonly ticketFingerprints = new TextFingerprintCache();

  constructor(
    private readonly repository: DedupeRepository,
    private readonly index: OpenTicketIndexService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A ticket this process is opening (see OpenTicketIndexService.noteOpened). */
  noteOpened(ticket: Parameters<OpenTicketIndexService['noteOpened']>[0]): void {
    this.index.noteOpened(ticket);
  }

  async findDuplicate(query: DuplicateQuery): Promise<DuplicateMatch | null> {
    const category = query.categoryId ? await this.repository.category(query.categoryId) : null;
    const radiusMetres = category?.dedupeRadiusMetres ?? this.config.dedupe.radiusMetres;
    const windowDays = this.config.dedupe.windowDays;
    const searchMetres = radiusMetres + GPS_MARGIN_METRES;
    const centre = { lat: query.lat, lng: query.lng };

    const near = {
      cells: geohashesCoveringRadius(query.lat, query.lng, searchMetres),
      box: boxAround(centre, searchMetres),
      centre,
      createdSince: new Date(query.now.getTime() - windowDays * DAY_MS),
      categoryIds: category?.relatedIds ?? null,
      limit: MAX_DEDUPE_CANDIDATES,
    };
    // The in-memory index proposes, the database confirms (most reports have no candidate: no query).
    const proposed = this.index.candidates(near);
    const nearby =
      proposed === null ? await this.repository.openTicketsNear(near) : proposed.length === 0 ? [] : await this.repository.openTicketsByIds(proposed, near);
    const candidates = nearby
      .map((ticket) => ({ ticket, distanceMetres: haversineMetres(centre, ticket) }))
      .filter((candidate) => candidate.distanceMetres <= searchMetres);
    if (candidates.length === 0) return null;

    const photos = query.photos.length > 0 ? await this.repository.photosByTicket(candidates.map((c) => c.ticket.id)) : new Map<string, ComparablePhoto[]>();
    const photoSimilarityTo = photoEvidenceOf(query.photos);
    const text = textFingerprint(query.description);
    let best: DuplicateMatch | null = null;
    for (const { ticket, distanceMetres } of candidates) {
      const result = scoreDuplicate({
        distanceMetres,
        radiusMetres,
        category: relationOf(category, ticket.categoryId),
        photoSimilarity: photoSimilarityTo(photos.get(ticket.id) ?? []),
        textSimilarity: fingerprintSimilarity(text, this.ticketFingerprints.of(ticket.id, ticket.description)),
        ageDays: ageInDays(ticket, query.now),
        windowDays,
      });
      if (result.duplicate && (best === null || result.score > best.score)) {
        best = { ticketId: ticket.id, score: result.score, parts: result.parts };
      }
    }
    return best;
  }
}

function ageInDays(ticket: NearbyTicket, now: Date): number {
  return (now.getTime() - ticket.createdAt.getTime()) / DAY_MS;
}

/** Degrees spanned by `metres` around a point (a box slightly larger than the circle, never smaller). */
function boxAround(centre: { lat: number; lng: number }, metres: number): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  // 1 % padding: the box is a pre-filter and must never cut into the circle through rounding.
  const dLat = (metres * 1.01) / METRES_PER_DEGREE_LAT;
  const dLng = (metres * 1.01) / (METRES_PER_DEGREE_LAT * Math.max(0.01, Math.cos((Math.abs(centre.lat) + dLat) * RADIANS_PER_DEGREE)));
  return { minLat: centre.lat - dLat, maxLat: centre.lat + dLat, minLng: centre.lng - dLng, maxLng: centre.lng + dLng };
}
