import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode } from '@ssp/contracts';
import { In, IsNull, LessThan, type EntityManager, type FindOptionsWhere, type Repository } from 'typeorm';
import { DomainError } from '../../core/errors/domain.error';
import { Photo } from './entities/photo.entity';

export type PhotoRow = Pick<
  Photo,
  'id' | 'ownerId' | 'storageKey' | 'thumbKey' | 'width' | 'height' | 'qualityFlags' | 'reportId' | 'ticketEventId' | 'createdAt'
>;

export type NewPhoto = Pick<
  Photo,
  'id' | 'ownerId' | 'storageKey' | 'thumbKey' | 'mime' | 'sizeBytes' | 'width' | 'height' | 'sha256' | 'phash' | 'fingerprint' | 'qualityFlags'
>;

/** An owned photo as attaching checks it, with what the intake checks compare (one read serves both). */
export type OwnedPhoto = Pick<Photo, 'id' | 'reportId' | 'ticketEventId' | 'sha256' | 'phash' | 'fingerprint' | 'qualityFlags' | 'thumbKey'>;

export type AttachTarget = { reportId: string } | { ticketEventId: string };

const ROW_COLUMNS = {
  id: true,
  ownerId: true,
  storageKey: true,
  thumbKey: true,
  width: true,
  height: true,
  qualityFlags: true,
  reportId: true,
  ticketEventId: true,
  createdAt: true,
} as const;

@Injectable()
export class PhotosRepository {
  constructor(@InjectRepository(Photo) private readonly photos: Repository<Photo>) {}

  async insert(photo: NewPhoto): Promise<void> {
    await this.photos.insert(photo);
  }

  /** The caller's photos among `ids` that nothing has claimed yet (foreign and unknown ids look alike). */
  async findOwned(ids: string[], ownerId: string): Promise<OwnedPhoto[]> {
    if (ids.length === 0) return [];
    return this.photos.find({
      select: { id: true, reportId: true, ticketEventId: true, sha256: true, phash: true, fingerprint: true, qualityFlags: true, thumbKey: true },
      where: { id: In(ids), ownerId },
    });
  }

  /**
   * Claims the photos for one report or ticket event inside the caller's transaction. The conditions make
   * the claim safe against a concurrent attach: only unclaimed photos of the owner change, and if fewer
   * rows changed than asked for, the whole transaction must roll back.
   */
  async attach(manager: EntityManager, photoIds: string[], ownerId: string, target: AttachTarget): Promise<void> {
    if (photoIds.length === 0) return;
    const result = await manager
      .createQueryBuilder()
      .update(Photo)
      .set('reportId' in target ? { reportId: target.reportId } : { ticketEventId: target.ticketEventId })
      .where({ id: In(photoIds), ownerId, reportId: IsNull(), ticketEventId: IsNull() })
      .execute();
    if (result.affected !== photoIds.length) {
      throw new DomainError(ErrorCode.CONFLICT, '照片已被使用或已失效，请重新选择照片', {
        requested: photoIds.length,
        attached: result.affected ?? 0,
      });
    }
  }

  /** Photos nobody attached to a report or a ticket event, uploaded before `before`, oldest first. */
  findUnattached(before: Date, limit: number): Promise<Array<Pick<Photo, 'id' | 'storageKey' | 'thumbKey'>>> {
    return this.photos.find({
      select: { id: true, storageKey: true, thumbKey: true },
      where: { reportId: IsNull(), ticketEventId: IsNull(), createdAt: LessThan(before) },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /** Deletes the row if the photo is still unattached; false when an attach got there first. */
  async deleteUnattached(id: string): Promise<boolean> {
    const result = await this.photos
      .createQueryBuilder()
      .delete()
      .from(Photo)
      .where({ id, reportId: IsNull(), ticketEventId: IsNull() })
      .execute();
    return result.affected === 1;
  }

  findByReportIds(reportIds: string[]): Promise<PhotoRow[]> {
    return reportIds.length === 0 ? Promise.resolve([]) : this.findInOrder({ reportId: In(reportIds) });
  }

  findByTicketEventIds(eventIds: string[]): Promise<PhotoRow[]> {
    return eventIds.length === 0 ? Promise.resolve([]) : this.findInOrder({ ticketEventId: In(eventIds) });
  }

  private findInOrder(where: FindOptionsWhere<Photo>): Promise<PhotoRow[]> {
    // id breaks ties: UUIDv7 ids follow upload order where SQLite timestamps share a second.
    return this.photos.find({ select: ROW_COLUMNS, where, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
