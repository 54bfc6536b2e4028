import { Injectable } from '@nestjs/common';
import type { ReportOutcome } from '@ssp/contracts';
import { DataSource, LessThan } from 'typeorm';
import { rawQuery, rawTable } from '../../core/database/raw-statement.util';
import { Photo } from '../photos/entities/photo.entity';
import { Region } from '../regions/entities/region.entity';
import { Report } from '../reports/entities/report.entity';

export type PhotoFacts = Pick<Photo, 'id' | 'sha256' | 'phash' | 'fingerprint' | 'qualityFlags' | 'thumbKey'>;

/** A photo of a submission as the filters see it: with the photo-reuse fact read beside it. */
export type SubmittedPhoto = PhotoFacts & { usedByOthers: boolean };

export type SameTextReport = Pick<Report, 'id' | 'reportNo' | 'reporterId' | 'lat' | 'lng' | 'coordSystem' | 'createdAt'>;

export interface SubmissionHistoryQuery {
  reporterId: string;
  clientRequestId: string;
  deviceId: string | null;
  textHash: string;
  /** Start of the rolling day (same text, day limit) and of the rolling hour (hour limit). */
  since: Date;
  hourStart: Date;
  hourLimit: number;
  dayLimit: number;
  sameTextLimit: number;
}

/**
 * When a rate-limit window is full: the creation time of the `limit`-th newest report in it (the
 * window frees a place when that report leaves it), or null while it has room.
 */
export interface WindowFill {
  hour: Date | null;
  day: Date | null;
}

export interface SubmissionHistory {
  /** The report this resident already made with the same clientRequestId. */
  repeatedReportId: string | null;
  reporter: WindowFill;
  device: WindowFill;
  sameText: SameTextReport[];
}

interface HistoryRow {
  part: string;
  id: string;
  reportNo: string | null;
  reporterId: string | null;
  lat: number | null;
  lng: number | null;
  coordSystem: SameTextReport['coordSystem'] | null;
  createdAt: unknown;
}

/**
 * The submission-history statement: a UNION ALL of one bounded, ordered read per part, each in a derived
 * table on SQLite (it takes ORDER BY … LIMIT in a compound select only there) and in parentheses on
 * MySQL, told apart by a tag. Column names and quoting come from the entity metadata; dates are
 * hydrated as the entity would be.
 */
function prepareHistoryStatement(dataSource: DataSource): (query: SubmissionHistoryQuery) => Promise<SubmissionHistory> {
  const driver = dataSource.driver;
  const { table, quote, ref: c, as, hydrate } = rawTable(dataSource, Report);
  const createdAtOf = hydrate('createdAt');
  const full = ['id', 'reportNo', 'reporterId', 'lat', 'lng', 'coordSystem', 'createdAt'].map(as).join(', ');
  // Only the id and the time: the (…, createdAt) indexes cover these parts without reading rows.
  const timesOnly = [as('id'), ...['reportNo', 'reporterId', 'lat', 'lng', 'coordSystem'].map((property) => `NULL AS ${quote(property)}`), as('createdAt')].join(', ');
  const sqlite = driver.options.type === 'better-sqlite3';
  const part = (tag: string, columns: string, where: string, limit: string) => {
    const select = `SELECT '${tag}' AS ${quote('part')}, ${columns} FROM ${table} WHERE ${where} ORDER BY ${c('createdAt')} DESC LIMIT ${limit}`;
    // MySQL takes each ordered, limited part in parentheses, and materialises no derived table for it.
    return sqlite ? `SELECT * FROM (${select}) ${quote(`part_${tag}`)}` : `(${select})`;
  };
  // One rate-limit part per subject (reporter, device) serves both windows: the day's reports from the
  // min(limits)-th newest to the max(limits)-th newest, their times only, skipped to through the
  // (…, createdAt) index. Nearly always there are none (fewer reports today than the smaller limit).
  // The hour's reports are the day's newest, so the hour is full when the hour-limit-th newest of the
  // day is within it, and the day when it holds a day-limit-th.
  const fill = (tag: string, subject: string) =>
    part(tag, timesOnly, `${c(subject)} = :${subject} AND ${c('createdAt')} > :since`, '{fillCount} OFFSET {fillOffset}');
  // The part with every column first: it decides the column types of the union.
  const parts = [
    part('t', full, `${c('textHash')} = :textHash AND ${c('createdAt')} > :since`, '{sameTextLimit}'),
    part('c', timesOnly, `${c('reporterId')} = :reporterId AND ${c('clientRequestId')} = :clientRequestId`, '1'),
    fill('r', 'reporterId'),
  ];
  const withDevice = [...parts, fill('d', 'deviceId')].join(' UNION ALL ');
  const withoutDevice = parts.join(' UNION ALL ');
  // The statement text depends on the limits (the configuration) and on whether a device is given.
  const texts = new Map<string, string>();
  return async (query) => {
    const hourLimit = Math.max(1, Math.trunc(query.hourLimit));
    const dayLimit = Math.max(1, Math.trunc(query.dayLimit));
    const first = Math.min(hourLimit, dayLimit);
    const key = `${query.deviceId === null}/${Math.trunc(query.sameTextLimit)}/${hourLimit}/${dayLimit}`;
    let sql = texts.get(key);
    if (sql === undefined) {
      // The limits are integers written into the text (LIMIT and OFFSET take no placeholder on every engine).
      sql = (query.deviceId === null ? withoutDevice : withDevice)
        .replaceAll('{sameTextLimit}', String(Math.trunc(query.sameTextLimit)))
        .replaceAll('{fillCount}', String(Math.max(hourLimit, dayLimit) - first + 1))
        .replaceAll('{fillOffset}', String(first - 1));
      texts.set(key, sql);
    }
    const [text, values] = driver.escapeQueryWithParameters(sql, { ...query });
    const rows = await rawQuery<HistoryRow>(dataSource, text, values);
    const history: SubmissionHistory = { repeatedReportId: null, reporter: { hour: null, day: null }, device: { hour: null, day: null }, sameText: [] };
    const fills: Record<'r' | 'd', Date[]> = { r: [], d: [] };
    for (const row of rows) {
      const createdAt = createdAtOf(row.createdAt) as Date;
      if (row.part === 'c') history.repeatedReportId = row.id;
      else if (row.part === 'r' || row.part === 'd') fills[row.part].push(createdAt);
      else if (row.reportNo !== null && row.reporterId !== null && row.lat !== null && row.lng !== null && row.coordSystem !== null) {
        history.sameText.push({ id: row.id, reportNo: row.reportNo, reporterId: row.reporterId, lat: row.lat, lng: row.lng, coordSystem: row.coordSystem, createdAt });
      }
    }
    // UNION ALL keeps no order across its parts (nor, strictly, within one): newest first again.
    const newestFirst = (a: Date, b: Date) => b.getTime() - a.getTime();
    const fillOf = (times: Date[]): WindowFill => {
      times.sort(newestFirst);
      const nth = (limit: number) => times[limit - first] ?? null;
      const hour = nth(hourLimit);
      return { hour: hour && hour.getTime() > query.hourStart.getTime() ? hour : null, day: nth(dayLimit) };
    };
    history.reporter = fillOf(fills.r);
    history.device = fillOf(fills.d);
    history.sameText.sort((a, b) => newestFirst(a.createdAt, b.createdAt));
    return history;
  };
}

/** The queries of the intake checks; each is served by an index of reports or photos. */
@Injectable()
export class IntakeRepository {
  private historyStatement?: (query: SubmissionHistoryQuery) => Promise<SubmissionHistory>;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * What a submission is checked against, in one statement (each part served by its own reports index):
   * the report already made with this `clientRequestId`; for the reporter and (when given) the device,
   * whether the hour since `hourStart` holds `hourLimit` reports and the day since `since` `dayLimit`
   * (WindowFill); the newest `sameTextLimit` reports since `since` with the same normalised text, newest
   * first.
   */
  submissionHistory(query: SubmissionHistoryQuery): Promise<SubmissionHistory> {
    const statement = (this.historyStatement ??= prepareHistoryStatement(this.dataSource));
    return statement(query);
  }

  photoFactsOfReport(reportId: string): Promise<PhotoFacts[]> {
    return this.dataSource
      .getRepository(Photo)
      .find({ select: { id: true, sha256: true, phash: true, fingerprint: true, qualityFlags: true, thumbKey: true }, where: { reportId } });
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
