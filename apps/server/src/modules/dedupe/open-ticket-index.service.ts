import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { IntervalJob } from '../../core/jobs/interval-job';
import type { Ticket } from '../tickets/entities/ticket.entity';
import { DEDUPE_OPEN_STATUSES, DedupeRepository, type IndexRow } from './dedupe.repository';
import { OpenTicketIndex, type IndexQuery } from './open-ticket-index';

const DAY_MS = 86_400_000;
/**
 * Each refresh reads again the changes of this long before the newest one it has seen: a transaction
 * that stamped its rows a little earlier but committed after the last read, or a clock a little behind,
 * is still heard of. (Every change in the overlap is read again each pass: at hundreds of new tickets a
 * second that is most of the refresh's cost.)
 */
const REFRESH_OVERLAP_MS = 2_000;
/** Changed tickets read per refresh; a busier interval is read on in the next pass. */
const REFRESH_BATCH = 5_000;
/**
 * The index is built again from the database this often: what the change feed cannot show (rows
 * written with an old updatedAt — imported or seeded history — or a clock off by more than the
 * overlap) is in it again after at most this long.
 */
const RELOAD_MS = 5 * 60_000;

/**
 * Keeps the open tickets of the dedupe window in memory (OpenTicketIndex) for the candidate lookup of
 * every report: loaded when first needed (the first lookup or the first refresh, so after the start-up
 * seeding), then every DEDUPE_INDEX_REFRESH_SECONDS the tickets changed since (IDX_tickets_changed) are
 * read, and every RELOAD_MS it is built again; the tickets this process opens are added at once.
 *
 * The index only proposes: the candidates it names are read from the database by id, open, in the
 * window and of the categories, so a ticket closed or reclassified elsewhere is never merged into. What
 * it can miss is a ticket another process opened within the last refresh interval: that report then
 * opens a ticket of its own (staff can merge it by hand), as two reports submitted at the same moment
 * always could. Until the first load finished (and with DEDUPE_INDEX_REFRESH_SECONDS=0) `candidates`
 * answers null and the lookup queries the database.
 */
@Injectable()
export class OpenTicketIndexService extends IntervalJob {
  protected readonly logger = new Logger(OpenTicketIndexService.name);
  private index = new OpenTicketIndex();
  private ready = false;
  private loading = false;
  private loadedAt = 0;
  /** Changes from this updatedAt on are read by the next refresh. */
  private changedSince = new Date(0);

  constructor(
    private readonly repository: DedupeRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /** Open tickets held (for the benchmark's report). */
  get size(): number {
    return this.index.size;
  }

  get enabled(): boolean {
    return this.config.dedupe.indexRefreshSeconds > 0;
  }

  /** The candidate ids, nearest first; null when the index cannot answer yet (its first load starts) or is off. */
  candidates(query: IndexQuery): string[] | null {
    if (this.ready) return this.index.near(query);
    if (this.enabled && !this.loading) {
      this.loading = true;
      this.serially(() => (this.ready ? Promise.resolve() : this.load()))
        .catch((error: unknown) =>
          this.logger.error(`loading the open tickets failed (the next refresh tries again): ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => (this.loading = false));
    }
    return null;
  }

  /** A ticket this process is opening: findable at once, even before the next refresh. */
  noteOpened(ticket: Pick<Ticket, 'id' | 'categoryId' | 'lat' | 'lng' | 'geohash' | 'createdAt'>): void {
    if (this.ready) this.index.upsert(ticket);
  }

  /** Runs a refresh now (tests and tools), serialised with the scheduled ones. */
  refreshNow(): Promise<void> {
    return this.serially(() => (this.ready ? this.refresh() : this.load()));
  }

  protected intervalSeconds(): number | null {
    return this.enabled ? this.config.dedupe.indexRefreshSeconds : null;
  }

  protected async scheduledPass(): Promise<string | null> {
    if (!this.ready || Date.now() - this.loadedAt >= RELOAD_MS) await this.load();
    else await this.refresh();
    return null;
  }

  private windowStart(now: Date): Date {
    return new Date(now.getTime() - this.config.dedupe.windowDays * DAY_MS);
  }

  /** Builds the index from the database and puts it in place of the old one. */
  private async load(): Promise<void> {
    const now = new Date();
    const rows = await this.repository.openTicketsSince(this.windowStart(now));
    const index = new OpenTicketIndex();
    for (const row of rows) index.upsert(row);
    // A ticket noted while the rows were read is in the old index only: the next refresh reads it again.
    this.index = index;
    this.changedSince = new Date(now.getTime() - REFRESH_OVERLAP_MS);
    this.loadedAt = now.getTime();
    this.ready = true;
    this.logger.log(`${rows.length} open tickets of the last ${this.config.dedupe.windowDays} days indexed for duplicate detection`);
  }

  private async refresh(): Promise<void> {
    const now = new Date();
    const since = this.windowStart(now);
    const rows = await this.repository.ticketsChangedSince(this.changedSince, REFRESH_BATCH);
    for (const row of rows) this.apply(row, since);
    const newest = rows.length > 0 ? rows[rows.length - 1].updatedAt.getTime() : null;
    if (newest !== null) {
      // A full batch may end inside a burst of changes stamped alike: go on from that stamp itself.
      // (More than a batch stamped in one millisecond would hold it there: then it moves on by one.)
      const current = this.changedSince.getTime();
      const next = rows.length === REFRESH_BATCH ? Math.max(newest, current + 1) : newest - REFRESH_OVERLAP_MS;
      if (next > current) this.changedSince = new Date(next);
    }
    this.index.prune(since);
  }

  private apply(row: IndexRow, windowStart: Date): void {
    if (DEDUPE_OPEN_STATUSES.includes(row.status) && row.createdAt.getTime() >= windowStart.getTime()) this.index.upsert(row);
    else this.index.remove(row.id);
  }
}
