import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type PhotoView } from '@ssp/contracts';
import { PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { newId } from '../../core/database/id.util';
import { DomainError } from '../../core/errors/domain.error';
import { STORAGE_DRIVER, type StorageDriver } from '../../core/storage/storage.driver';
import { ConcurrencyLimit } from './concurrency-limit.util';
import { processPhoto, type ProcessedPhoto } from './photo-pipeline.util';
import { PhotosRepository, type OwnedPhoto, type OwnedPhotoWithReuse, type PhotoRow } from './photos.repository';

interface PhotoKeys {
  image: string;
  thumb: string;
}

/** `photos/2026/05/<id>.jpg`: month folders keep directory listings and bucket prefixes browsable. */
export function photoKeysOf(id: string, uploadedAt: Date): PhotoKeys {
  const folder = `photos/${uploadedAt.getUTCFullYear()}/${String(uploadedAt.getUTCMonth() + 1).padStart(2, '0')}`;
  return { image: `${folder}/${id}.jpg`, thumb: `${folder}/${id}.thumb.jpg` };
}

function duplicatesIn(ids: string[]): string[] {
  return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
}

@Injectable()
export class PhotosService {
  private readonly processing: ConcurrencyLimit;

  constructor(
    private readonly repository: PhotosRepository,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(PhotosService.name);
    this.processing = new ConcurrencyLimit(config.photos.processingConcurrency);
  }

  /**
   * Processes and stores one upload of `ownerId`. Objects are written before the row, and removed again
   * if the row cannot be written, so a failure leaves neither a row without a file nor a file without a row.
   */
  async upload(ownerId: string, file: Buffer): Promise<PhotoView> {
    const photo = await this.processing.run(() => processPhoto(file, { maxPixels: this.config.photos.maxPixels }));
    const id = newId();
    const keys = photoKeysOf(id, new Date());
    await this.storeObjects(keys, photo);
    try {
      await this.repository.insert({
        id,
        ownerId,
        storageKey: keys.image,
        thumbKey: keys.thumb,
        mime: photo.mime,
        sizeBytes: photo.image.length,
        width: photo.width,
        height: photo.height,
        sha256: photo.sha256,
        phash: photo.phash,
        fingerprint: photo.fingerprint,
        qualityFlags: photo.flags,
      });
    } catch (error) {
      await this.removeObjects(keys);
      throw error;
    }
    this.logger.info({ photoId: id, bytes: photo.image.length, flags: photo.flags }, 'photo stored');
    return this.viewOf({ id, storageKey: keys.image, thumbKey: keys.thumb, ...photo, qualityFlags: photo.flags });
  }

  /**
   * Refuses unless every id names a distinct, unattached photo of `ownerId`. Someone else's photo and a
   * photo that does not exist get the same answer, so ids cannot be probed. Returns the photos (each once).
   */
  assertAttachable(photoIds: string[], ownerId: string): Promise<OwnedPhoto[]> {
    return this.checkedAttachable(photoIds, (distinct) => this.repository.findOwned(distinct, ownerId));
  }

  /** `assertAttachable` for a report: each photo read with whether another person already used it (photo-reuse check). */
  assertAttachableToReport(photoIds: string[], ownerId: string): Promise<OwnedPhotoWithReuse[]> {
    return this.checkedAttachable(photoIds, (distinct) => this.repository.findOwnedWithReuse(distinct, ownerId));
  }

  private async checkedAttachable<T extends OwnedPhoto>(photoIds: string[], read: (distinct: string[]) => Promise<T[]>): Promise<T[]> {
    const duplicate = duplicatesIn(photoIds);
    const distinct = [...new Set(photoIds)];
    const rows = await read(distinct);
    const owned = new Map(rows.map((row) => [row.id, row]));
    const invalid = distinct.filter((id) => !owned.has(id));
    const attached = distinct.filter((id) => {
      const row = owned.get(id);
      return row !== undefined && (row.reportId !== null || row.ticketEventId !== null);
    });
    if (duplicate.length === 0 && invalid.length === 0 && attached.length === 0) return rows;

    const problems = [
      invalid.length > 0 ? `无效的照片 ${invalid.length} 张` : '',
      attached.length > 0 ? `已被使用的照片 ${attached.length} 张` : '',
      duplicate.length > 0 ? `重复的照片 ${duplicate.length} 张` : '',
    ].filter(Boolean);
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `照片不可用：${problems.join('；')}`, {
      ...(invalid.length > 0 ? { invalidPhotoIds: invalid } : {}),
      ...(attached.length > 0 ? { attachedPhotoIds: attached } : {}),
      ...(duplicate.length > 0 ? { duplicatePhotoIds: duplicate } : {}),
    });
  }

  /** Photos of each report (every requested id is a key, empty when it has none), oldest first, freshly signed. */
  async viewsForReports(reportIds: string[]): Promise<Map<string, PhotoView[]>> {
    const rows = await this.repository.findByReportIds(reportIds);
    return this.groupViews(reportIds, rows, (row) => row.reportId);
  }

  /** Photos of each ticket event (result photos of 办结, attachments of notes), oldest first, freshly signed. */
  async viewsForTicketEvents(eventIds: string[]): Promise<Map<string, PhotoView[]>> {
    const rows = await this.repository.findByTicketEventIds(eventIds);
    return this.groupViews(eventIds, rows, (row) => row.ticketEventId);
  }

  private async groupViews(
    ids: string[],
    rows: PhotoRow[],
    ownerOf: (row: PhotoRow) => string | null,
  ): Promise<Map<string, PhotoView[]>> {
    const views = await Promise.all(rows.map((row) => this.viewOf(row)));
    const grouped = new Map<string, PhotoView[]>(ids.map((id) => [id, []]));
    rows.forEach((row, index) => {
      const key = ownerOf(row);
      if (key !== null) grouped.get(key)?.push(views[index]);
    });
    return grouped;
  }

  private async viewOf(row: Pick<PhotoRow, 'id' | 'storageKey' | 'thumbKey' | 'width' | 'height' | 'qualityFlags'>): Promise<PhotoView> {
    const ttl = this.config.storage.signedUrlTtlSeconds;
    const [url, thumbUrl] = await Promise.all([
      this.storage.signedGetUrl(row.storageKey, ttl),
      this.storage.signedGetUrl(row.thumbKey, ttl),
    ]);
    return {
      id: row.id,
      url,
      thumbUrl,
      width: row.width,
      height: row.height,
      quality: { ok: row.qualityFlags.length === 0, flags: row.qualityFlags },
    };
  }

  /**
   * Removes up to `limit` photos uploaded before `before` that were never attached (the resident gave up
   * on the report, or the app crashed). The row goes first, conditionally, so a photo attached meanwhile
   * stays; only then the objects, so no row ever points at a missing file. Returns how many went.
   */
  async removeUnattached(before: Date, limit: number): Promise<number> {
    let removed = 0;
    for (const photo of await this.repository.findUnattached(before, limit)) {
      if (!(await this.repository.deleteUnattached(photo.id))) continue;
      await this.removeObjects({ image: photo.storageKey, thumb: photo.thumbKey });
      removed += 1;
    }
    return removed;
  }

  private async storeObjects(keys: PhotoKeys, photo: ProcessedPhoto): Promise<void> {
    const results = await Promise.allSettled([
      this.storage.put(keys.image, photo.image, photo.mime),
      this.storage.put(keys.thumb, photo.thumb, photo.mime),
    ]);
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) {
      await this.removeObjects(keys);
      throw failure.reason;
    }
  }

  /** Best effort: a delete that fails too is logged with its key so the object can be found and removed. */
  private async removeObjects(keys: PhotoKeys): Promise<void> {
    const results = await Promise.allSettled([this.storage.delete(keys.image), this.storage.delete(keys.thumb)]);
    results.forEach((result, index) => {
      if (result.status === 'rejected') {
        this.logger.error({ err: result.reason, key: index === 0 ? keys.image : keys.thumb }, 'orphaned photo object');
      }
    });
  }
}
