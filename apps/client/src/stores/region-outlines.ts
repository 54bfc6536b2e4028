import type { RegionOutlinesResponse } from '@ssp/contracts';
import { fetchRegionOutlines } from '@/services/api';

const NO_OUTLINES: RegionOutlinesResponse = { bbox: null, districts: [] };

let outlines: Promise<RegionOutlinesResponse> | null = null;

/**
 * The district outlines for the maps, loaded once per visit (they change only on an admin import).
 * They are decoration: a failed load gives no outlines (dots, lists and numbers still make sense) and
 * is tried again the next time.
 */
export function regionOutlines(): Promise<RegionOutlinesResponse> {
  if (!outlines) {
    outlines = fetchRegionOutlines();
    outlines.catch(() => (outlines = null));
  }
  return outlines.catch(() => NO_OUTLINES);
}
