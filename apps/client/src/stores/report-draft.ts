import Taro from '@tarojs/taro';
import { PHOTO_LIMITS, REPORT_LIMITS, type CoordSystemName, type ReportLocation } from '@ssp/contracts';

/** One report form in progress, kept in storage so a closed app or a failed submit loses nothing. */
const DRAFT_KEY = 'ssp.report.draft';

export interface DraftPhoto {
  /** Where the photo is shown from: the local file, or its uploaded thumbnail once that file is gone. */
  src: string;
  /** Set once uploaded: a retry sends this id instead of uploading the photo again. */
  photoId: string | null;
  thumbUrl: string | null;
}

export type LocationSource = 'device' | 'map' | 'manual';

export interface DraftLocation extends ReportLocation {
  source: LocationSource;
  /** Name of the place picked on the map (weapp), for the resident's eyes only. */
  placeName: string | null;
  /** From /regions/locate; null when it could not be asked. */
  districtName: string | null;
  inServiceArea: boolean | null;
}

export interface ReportDraft {
  /**
   * Idempotency key of this report. It lives as long as the draft, so every retry — including one
   * after an answer that was lost on the way back — names the same report and never makes a second.
   */
  clientRequestId: string;
  photos: DraftPhoto[];
  description: string;
  categoryCode: string | null;
  location: DraftLocation | null;
}

export function newClientRequestId(now = Date.now(), random: () => number = Math.random): string {
  const noise = Array.from({ length: 16 }, () => Math.floor(random() * 36).toString(36)).join('');
  return `r-${now.toString(36)}-${noise}`.slice(0, REPORT_LIMITS.clientRequestIdMaxChars);
}

export function emptyDraft(): ReportDraft {
  return { clientRequestId: newClientRequestId(), photos: [], description: '', categoryCode: null, location: null };
}

/**
 * The draft of a report the server rejected, to fix and send again: the same text, position, category
 * and photos, but a new clientRequestId (the old one names the rejected report, and sending it again
 * would only bring back that answer). Photos whose local file still exists are uploaded afresh, so the
 * new report does not reuse the rejected one's photo records; one shown from its thumbnail (the local
 * file is gone) keeps its id, the only copy left.
 */
export function draftForCorrection(draft: ReportDraft): ReportDraft {
  return {
    ...draft,
    clientRequestId: newClientRequestId(),
    photos: draft.photos.map((photo) =>
      photo.src === photo.thumbUrl ? photo : { src: photo.src, photoId: null, thumbUrl: null },
    ),
  };
}

export function isDraftBlank(draft: ReportDraft): boolean {
  return draft.photos.length === 0 && draft.description.trim() === '' && draft.location === null;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const COORD_SYSTEMS: readonly CoordSystemName[] = ['gcj02', 'wgs84'];
const SOURCES: readonly LocationSource[] = ['device', 'map', 'manual'];

function readPhoto(value: unknown): DraftPhoto | null {
  if (typeof value !== 'object' || value === null) return null;
  const photo = value as Record<string, unknown>;
  if (!isString(photo.src) || photo.src === '') return null;
  return {
    src: photo.src,
    photoId: isString(photo.photoId) ? photo.photoId : null,
    thumbUrl: isString(photo.thumbUrl) ? photo.thumbUrl : null,
  };
}

function readLocation(value: unknown): DraftLocation | null {
  if (typeof value !== 'object' || value === null) return null;
  const location = value as Record<string, unknown>;
  if (!isFiniteNumber(location.lat) || !isFiniteNumber(location.lng)) return null;
  if (!COORD_SYSTEMS.includes(location.coordSystem as CoordSystemName)) return null;
  return {
    lat: location.lat,
    lng: location.lng,
    coordSystem: location.coordSystem as CoordSystemName,
    source: SOURCES.includes(location.source as LocationSource) ? (location.source as LocationSource) : 'manual',
    placeName: isString(location.placeName) ? location.placeName : null,
    districtName: isString(location.districtName) ? location.districtName : null,
    inServiceArea: typeof location.inServiceArea === 'boolean' ? location.inServiceArea : null,
  };
}

/** The stored draft, or a new one; a stored value from an older app version is read as far as it goes. */
export function loadDraft(): ReportDraft {
  const stored: unknown = Taro.getStorageSync(DRAFT_KEY);
  if (typeof stored !== 'object' || stored === null) return emptyDraft();
  const draft = stored as Record<string, unknown>;
  if (!isString(draft.clientRequestId) || draft.clientRequestId === '') return emptyDraft();
  const photos = Array.isArray(draft.photos) ? draft.photos.map(readPhoto).filter((photo) => photo !== null) : [];
  return {
    clientRequestId: draft.clientRequestId,
    photos: photos.slice(0, PHOTO_LIMITS.maxPerReport),
    description: isString(draft.description) ? draft.description.slice(0, REPORT_LIMITS.descriptionMaxChars) : '',
    categoryCode: isString(draft.categoryCode) && draft.categoryCode !== '' ? draft.categoryCode : null,
    location: readLocation(draft.location),
  };
}

export function saveDraft(draft: ReportDraft): void {
  Taro.setStorageSync(DRAFT_KEY, draft);
}

export function clearDraft(): void {
  Taro.removeStorageSync(DRAFT_KEY);
}
