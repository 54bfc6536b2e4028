import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode } from '@ssp/contracts';
import { In, IsNull, LessThan, type EntityManager, type Repository } from 'typeorm';
import { rawEntityRead, rawExecute, rawQuery, rawTable, type RawEntityRead, type RawTable } from '../../core/database/raw-statement.util';
import { DomainError } from '../../core/errors/domain.error';
import { Photo } from './entities/photo.entity';
import { isInformativeHash } from './photo-hash.util';

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

/** An owned photo with the photo-reuse check's fact read beside it. */
export type OwnedPhotoWithReuse = OwnedPhoto & {
  /** Another person already attached a photo with the same bytes, or the same informative perceptual hash, to a report. */
  usedByOthers: boolean;
};

const OWNED_FIELDS = ['id', 'reportId', 'ticketEventId', 'sha256', 'phash', 'fingerprint', 'qualityFlags', 'thumbKey'] as const;

interface OwnedWithReuseRow {
  id: string;
  reportId: string | null;
  ticketEventId: string | null;
  sha256: string;
  phash: string;
  fingerprint: string | null;
  qualityFlags: unknown;
  thumbKey: string;
  sameBytesElsewhere: unknown;
  samePictureElsewhere: unknown;
}

/** The columns of a PhotoRow. */
const ROW_FIELDS = ['id', 'ownerId', 'storageKey', 'thumbKey', 'width', 'height', 'qualityFlags', 'reportId', 'ticketEventId', 'createdAt'] as const;

@Injectable()
export class PhotosRepository {
  private ownedWithReuseStatement?: (ids: string[], ownerId: string) => Promise<OwnedPhotoWithReuse[]>;
  private photoTable?: RawTable;
  private rowRead?: RawEntityRead<Photo>;

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
   * As `findOwned`, and for each photo whether another person already attached one with the same bytes
   * or the same picture (perceptual hash; a flat picture's hash matches every flat picture, so only its
   * bytes count) to a report: one statement serves attaching, the filters and the photo-reuse check.
   * Each fact is an EXISTS on the sha256 / phash index.
   */
  findOwnedWithReuse(ids: string[], ownerId: string): Promise<OwnedPhotoWithReuse[]> {
    if (ids.length === 0) return Promise.resolve([]);
    this.ownedWithReuseStatement ??= this.prepareOwnedWithReuse();
    return this.ownedWithReuseStatement(ids, ownerId);
  }

  private prepareOwnedWithReuse(): (ids: string[], ownerId: string) => Promise<OwnedPhotoWithReuse[]> {
    const dataSource = this.photos.manager.connection;
    const { table, tableUsingIndex, indexOn, quote, ref, hydrate } = rawTable(dataSource, Photo);
    const [p, o] = [quote('p'), quote('o')];
    const qualityFlagsOf = hydrate('qualityFlags');
    // Each EXISTS is told its index (USE INDEX on MySQL): MariaDB otherwise weighs the ownerId and
    // reportId indexes too, which cost ~0.1 ms of planning per submission, more than the lookups.
    const elsewhere = (property: 'sha256' | 'phash', alias: string) =>
      `CASE WHEN EXISTS (SELECT 1 FROM ${tableUsingIndex(indexOn(property), 'o')} WHERE ${o}.${ref(property)} = ${p}.${ref(property)}` +
      ` AND ${o}.${ref('ownerId')} <> :ownerId AND ${o}.${ref('reportId')} IS NOT NULL) THEN 1 ELSE 0 END AS ${quote(alias)}`;
    const sql =
      `SELECT ${OWNED_FIELDS.map((field) => `${p}.${ref(field)} AS ${quote(field)}`).join(', ')}, ` +
      `${elsewhere('sha256', 'sameBytesElsewhere')}, ${elsewhere('phash', 'samePictureElsewhere')} ` +
      `FROM ${table} ${p} WHERE ${p}.${ref('id')} IN (:...ids) AND ${p}.${ref('ownerId')} = :ownerId`;
    return async (ids, ownerId) => {
      const [text, values] = dataSource.driver.escapeQueryWithParameters(sql, { ids, ownerId });
      const rows = await rawQuery<OwnedWithReuseRow>(dataSource, text, values);
      return rows.map(({ sameBytesElsewhere, samePictureElsewhere, qualityFlags, ...row }) => ({
        ...row,
        qualityFlags: qualityFlagsOf(qualityFlags) as Photo['qualityFlags'],
        usedByOthers: Number(sameBytesElsewhere) === 1 || (isInformativeHash(row.phash) && Number(samePictureElsewhere) === 1),
      }));
    };
  }

  /**
   * Claims the photos for one report or ticket event inside the caller's transaction. The conditions make
   * the claim safe against a concurrent attach: only unclaimed photos of the owner change, and if fewer
   * rows changed than asked for, the whole transaction must roll back.
   */
  attach(manager: EntityManager, photoIds: string[], ownerId: string, target: AttachTarget): Promise<void> {
    const [column, targetId] = 'reportId' in target ? (['reportId', target.reportId] as const) : (['ticketEventId', target.ticketEventId] as const);
    return this.attachAll(manager, column, [{ photoIds, ownerId, targetId }]);
  }

  /**
   * As `attach`, for several reports at once (intake's group commit): one UPDATE that gives each photo
   * its own report, with the same conditions per photo. Any photo not claimed fails the whole statement.
   */
  attachToReports(manager: EntityManager, claims: ReadonlyArray<{ photoIds: readonly string[]; ownerId: string; reportId: string }>): Promise<void> {
    return this.attachAll(
      manager,
      'reportId',
      claims.map(({ photoIds, ownerId, reportId }) => ({ photoIds, ownerId, targetId: reportId })),
    );
  }

  private async attachAll(
    manager: EntityManager,
    column: 'reportId' | 'ticketEventId',
    claims: ReadonlyArray<{ photoIds: readonly string[]; ownerId: string; targetId: string }>,
  ): Promise<void> {
    const photos = claims.flatMap(({ photoIds, ownerId, targetId }) => photoIds.map((id) => ({ id, ownerId, targetId })));
    if (photos.length === 0) return;
    if (!manager.queryRunner) throw new Error('attach runs inside the caller’s transaction');
    const { table, ref } = (this.photoTable ??= rawTable(this.photos.manager.connection, Photo));
    const parameters: Record<string, string> = {};
    const cases: string[] = [];
    const owned: string[] = [];
    photos.forEach(({ id, ownerId, targetId }, index) => {
      Object.assign(parameters, { [`i${index}`]: id, [`o${index}`]: ownerId, [`t${index}`]: targetId });
      cases.push(`WHEN :i${index} THEN :t${index}`);
      owned.push(`(${ref('id')} = :i${index} AND ${ref('ownerId')} = :o${index})`);
    });
    const target = photos.length === 1 ? ':t0' : `CASE ${ref('id')} ${cases.join(' ')} END`;
    const sql =
      `UPDATE ${table} SET ${ref(column)} = ${target}, ${ref('updatedAt')} = CURRENT_TIMESTAMP` +
      ` WHERE (${owned.join(' OR ')}) AND ${ref('reportId')} IS NULL AND ${ref('ticketEventId')} IS NULL`;
    const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, parameters);
    const attached = await rawExecute(manager, text, values);
    if (attached !== photos.length) {
      throw new DomainError(ErrorCode.CONFLICT, '照片已被使用或已失效，请重新选择照片', {
        requested: photos.length,
        attached,
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
    return reportIds.length === 0 ? Promise.resolve([]) : this.findInOrder('reportId', reportIds);
  }

  findByTicketEventIds(eventIds: string[]): Promise<PhotoRow[]> {
    return eventIds.length === 0 ? Promise.resolve([]) : this.findInOrder('ticketEventId', eventIds);
  }

  /** Every detail page and list reads these: one statement built once (rawEntityRead), not per call. */
  private findInOrder(owner: 'reportId' | 'ticketEventId', ids: string[]): Promise<PhotoRow[]> {
    this.rowRead ??= rawEntityRead<Photo>(this.photos.manager.connection, Photo, [], ROW_FIELDS);
    // id breaks ties: UUIDv7 ids follow upload order where SQLite timestamps share a second.
    return this.rowRead.find(this.photos.manager.connection, `WHERE {${owner}} IN (:...ids) ORDER BY {createdAt} ASC, {id} ASC`, { ids });
  }
}
