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

  /**
   * Creation times of the newest `limit` reports since `since` of a reporter and (when given) of a
   * device, newest first: one statement, each half served by its (…, createdAt) index.
   */
  async recentReportTimes(reporterId: string, deviceId: string | null, since: Date, limit: number): Promise<{ reporter: Date[]; device: Date[] }> {
    const driver = this.dataSource.driver;
    const quote = (name: string) => driver.escape(name);
    const metadata = this.dataSource.getMetadata(Report);
    const createdAtColumn = metadata.findColumnWithPropertyName('createdAt');
    if (!createdAtColumn) throw new Error('Report.createdAt is not a column');
    const column = (property: string) => quote(metadata.findColumnWithPropertyName(property)?.databaseName ?? property);
    const newest = (subject: string, who: string) =>
      `SELECT * FROM (SELECT '${who}' AS ${quote('who')}, ${column('createdAt')} AS ${quote('createdAt')} FROM ${quote(metadata.tableName)}` +
      ` WHERE ${column(subject)} = :${subject} AND ${column('createdAt')} > :since ORDER BY ${column('createdAt')} DESC LIMIT ${Math.trunc(limit)}) ${quote(who)}`;
    const sql = deviceId === null ? newest('reporterId', 'r') : `${newest('reporterId', 'r')} UNION ALL ${newest('deviceId', 'd')}`;
    const [text, values] = driver.escapeQueryWithParameters(sql, { reporterId, deviceId, since });
    const rows = await this.dataSource.query<Array<{ who: string; createdAt: unknown }>>(text, values);
    const times = { reporter: [] as Date[], device: [] as Date[] };
    for (const row of rows) (row.who === 'r' ? times.reporter : times.device).push(driver.prepareHydratedValue(row.createdAt, createdAtColumn) as Date);
    // UNION ALL keeps no order across its halves: each half is sorted again, newest first.
    times.reporter.sort((a, b) => b.getTime() - a.getTime());
    times.device.sort((a, b) => b.getTime() - a.getTime());
    return times;
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
