import { Injectable } from '@nestjs/common';
import { ErrorCode, type CoordSystemName, type LocateResult, type RegionOutlinesResponse } from '@ssp/contracts';
import { toGcj02, type LatLng } from '@ssp/geo';
import { DomainError } from '../../core/errors/domain.error';
import { RegionsRepository } from './regions.repository';
import { drawableOutlines, locateIn, toOutlines, type RegionOutlines } from './region-outlines.util';

/**
 * Outlines change only through an import, which clears this instance's copy at once; other
 * instances pick the change up within this time.
 */
const OUTLINE_TTL_MS = 60_000;

const COORD_SYSTEMS: readonly CoordSystemName[] = ['gcj02', 'wgs84'];

/** The point in GCJ-02, the system of the stored outlines; bad input is the caller's error (400). */
function gcj02Of(point: { lat: number; lng: number; coordSystem: CoordSystemName }): LatLng {
  if (!COORD_SYSTEMS.includes(point.coordSystem)) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, '坐标系只能是 gcj02 或 wgs84');
  }
  try {
    return toGcj02(point);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, '坐标无效：纬度须在 -90 到 90 之间，经度须在 -180 到 180 之间');
    }
    throw error;
  }
}

@Injectable()
export class RegionsService {
  private cached: { expiresAt: number; outlines: Promise<RegionOutlines> } | null = null;
  private drawable: { source: Promise<RegionOutlines>; response: Promise<RegionOutlinesResponse> } | null = null;

  constructor(private readonly repository: RegionsRepository) {}

  /** Whether a point is in the service area and in which district (the reports pipeline calls this). */
  async locate(point: { lat: number; lng: number; coordSystem: CoordSystemName }): Promise<LocateResult> {
    const gcj02 = gcj02Of(point);
    return locateIn(await this.outlines(), gcj02);
  }

  /** The districts simplified for drawing; computed once per loaded set of outlines. */
  drawableOutlines(): Promise<RegionOutlinesResponse> {
    const source = this.outlines();
    if (this.drawable?.source !== source) this.drawable = { source, response: source.then(drawableOutlines) };
    return this.drawable.response;
  }

  exists(code: string): Promise<boolean> {
    return this.repository.exists(code);
  }

  /** Called after an import so this instance answers from the new outlines immediately. */
  forgetOutlines(): void {
    this.cached = null;
  }

  private outlines(): Promise<RegionOutlines> {
    const now = Date.now();
    if (this.cached && this.cached.expiresAt > now) return this.cached.outlines;
    // Concurrent lookups share one load; a failed load is not kept, so the next lookup retries.
    const outlines = this.repository.outlines().then(toOutlines);
    const entry = { expiresAt: now + OUTLINE_TTL_MS, outlines };
    this.cached = entry;
    outlines.catch(() => {
      if (this.cached === entry) this.cached = null;
    });
    return outlines;
  }
}
