import { Injectable } from '@nestjs/common';
import type { ReportOutcome } from '@ssp/contracts';
import { Brackets, DataSource, In, LessThan, MoreThan } from 'typeorm';
import { Photo } from '../photos/entities/photo.entity';
import { isInformativeHash } from '../photos/photo-hash.util';
import { Region } from '../regions/entities/region.entity';
import { Report } from '../reports/entities/report.entity';

export type PhotoFacts = Pick<Photo, 'id' | 'sha256' | 'phash' | 'fingerprint' | 'qualityFlags' | 'thumbKey'>;

/** The queries of the intake checks; each is served by an index of reports or photos. */
@Injectable()
export class IntakeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creation times of the newest `limit` reports of a reporter (or a device) since `since`, newest first. */
  recentReportTimes(by: { reporterId: string } | { deviceId: string }, since: Date, limit: number): Promise<Date[]> {
    return this.dataSource
      .getRepository(Report)
      .find({ select: { id: true, createdAt: true }, where: { ...by, createdAt: MoreThan(since) }, order: { createdAt: 'DESC' }, take: limit })
      .then((rows) => rows.map((row) => row.createdAt));
  }

  /** Reports with the same normalised text since `since`, newest first (bounded: a flood needs only its size). */
  sameText(
    textHash: string,
    since: Date,
    limit: number,
  ): Promise<Array<Pick<Report, 'id' | 'reportNo' | 'reporterId' | 'lat' | 'lng' | 'coordSystem' | 'createdAt'>>> {
    return this.dataSource.getRepository(Report).find({
      select: { id: true, reportNo: true, reporterId: true, lat: true, lng: true, coordSystem: true, createdAt: true },
      where: { textHash, createdAt: MoreThan(since) },
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }

  photoFacts(ids: string[]): Promise<PhotoFacts[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(Photo)
      .find({ select: { id: true, sha256: true, phash: true, fingerprint: true, qualityFlags: true, thumbKey: true }, where: { id: In(ids) } });
  }

  photoFactsOfReport(reportId: string): Promise<PhotoFacts[]> {
    return this.dataSource
      .getRepository(Photo)
      .find({ select: { id: true, sha256: true, phash: true, fingerprint: true, qualityFlags: true, thumbKey: true }, where: { reportId } });
  }

  /** Whether another person already attached a photo with one of these fingerprints to a report. */
  async photoUsedByOthers(photos: PhotoFacts[], ownerId: string): Promise<boolean> {
    if (photos.length === 0) return false;
    // A perceptual hash of a flat picture matches every other flat picture: only the bytes count then.
    const hashes = photos.map((photo) => photo.phash).filter(isInformativeHash);
    const found = await this.dataSource
      .getRepository(Photo)
      .createQueryBuilder('p')
      .select('p.id')
      .where('p.ownerId != :ownerId', { ownerId })
      .andWhere('p.reportId IS NOT NULL')
      .andWhere(
        new Brackets((where) =>
          where
            .where('p.sha256 IN (:...sha)', { sha: photos.map((photo) => photo.sha256) })
            .orWhere(hashes.length > 0 ? 'p.phash IN (:...phash)' : '1 = 0', { phash: hashes }),
        ),
      )
      .limit(1)
      .getRawOne();
    return found !== undefined;
  }

  async cityName(): Promise<string> {
    const city = await this.dataSource.getRepository(Region).findOne({ select: { name: true }, where: { level: 'city' } });
    return city?.name ?? '本市';
  }

  /** Reports by outcome, newest first, keyset on id (UUIDv7 ids follow creation), served by (outcome, id). */
  byOutcome(outcome: ReportOutcome, beforeId: string | undefined, limit: number): Promise<Report[]> {
    return this.dataSource.getRepository(Report).find({
      where: { outcome, ...(beforeId ? { id: LessThan(beforeId) } : {}) },
      relations: { reporter: true },
      order: { id: 'DESC' },
      take: limit,
    });
  }
}
