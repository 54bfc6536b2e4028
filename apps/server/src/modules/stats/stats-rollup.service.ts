import { Injectable, Logger } from '@nestjs/common';
import { addTicketFigures, cityDayOf, cityDayStart, daysOf, emptyStatsTally } from '@ssp/contracts';
import type { EntityManager } from 'typeorm';
import type { StatsDimension } from './entities/stats-daily.entity';
import { StatsRollupRepository, type RollupRow, type RollupTicket } from './stats-rollup.repository';

/**
 * Changes stamped this long before the watermark are looked at again on every refresh: a transaction
 * stamps `updatedAt` before it commits, and instances' clocks differ. A change that commits later than
 * this after its stamp, or an instance clock further off than this, could be missed until its day
 * changes again. A stamp in the future (a clock ahead) has its day rebuilt on every refresh until then.
 */
export const ROLLUP_OVERLAP_MS = 5 * 60_000;
/** Days the backfill builds per step (one transaction, the state row locked). */
export const BACKFILL_STEP_DAYS = 31;
/** Days read from `tickets` per statement when many changed at once. */
const RANGE_DAYS = 31;
const DAY_MS = 86_400_000;

export interface RefreshOutcome {
  /** Days rebuilt by this refresh (backfill steps included). */
  days: number;
  /** Tickets read to rebuild them. */
  tickets: number;
  backfill: boolean;
}

const ROLLUP_KEYS: ReadonlyArray<[StatsDimension, (ticket: RollupTicket) => string]> = [
  ['all', () => ''],
  ['department', (ticket) => ticket.departmentId],
  ['category', (ticket) => ticket.categoryId],
  ['region', (ticket) => ticket.regionCode],
];

/** Sums per (dimension, key, day) of a set of tickets: the rows `stats_daily` holds for their days. */
export function rollupRowsOf(tickets: Iterable<RollupTicket>): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  for (const ticket of tickets) {
    for (const [dimension, keyOf] of ROLLUP_KEYS) {
      const key = keyOf(ticket);
      const id = `${dimension}\u0000${key}\u0000${ticket.day}`;
      let row = rows.get(id);
      if (!row) rows.set(id, (row = { dimension, key, day: ticket.day, tally: emptyStatsTally() }));
      addTicketFigures(row.tally, ticket);
    }
  }
  return [...rows.values()];
}

/** Consecutive days in runs of at most `max`. */
function runsOf(days: string[], max: number): string[][] {
  const runs: string[][] = [];
  for (const day of days) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous && run.length < max && Date.parse(`${day}T00:00:00Z`) - Date.parse(`${previous}T00:00:00Z`) === DAY_MS) run.push(day);
    else runs.push([day]);
  }
  return runs;
}

/**
 * Keeps `stats_daily` up to date. Ticket writes never touch it: a refresh finds the city days whose
 * tickets were stamped since the watermark (less the overlap margin) and rebuilds those days whole from
 * `tickets`, so it is idempotent and a missed or repeated refresh is harmless. Each step runs with the
 * state row locked: steps of all instances are serialised, and the one that waited reads at least what
 * the one before it read. Before the first watermark, steps build the days from the oldest ticket's on.
 */
@Injectable()
export class StatsRollupService {
  private readonly logger = new Logger(StatsRollupService.name);
  /** The end of this instance's latest refresh; refreshes of one instance never overlap (SQLite has one connection). */
  private tail: Promise<unknown> = Promise.resolve();
  /** A refresh queued and not started yet: callers that arrive meanwhile share it. */
  private queued: Promise<RefreshOutcome> | null = null;
  /**
   * The changes (ticket id → version@stamp) the last committed refresh of this instance saw, all of
   * whose days it rebuilt. The overlap margin makes every refresh look again at the last minutes'
   * changes; one already seen was visible, so its day was rebuilt with it, and only new changes' days
   * are rebuilt again. Staff working old tickets otherwise had every refresh rebuild every day they
   * touched in the margin (tools/bench/soak).
   */
  private seen = new Map<string, string>();
  /** When the latest completed refresh of this instance started: every change committed before it is counted. */
  private freshAt: Date | null = null;

  constructor(private readonly repository: StatsRollupRepository) {}

  /**
   * The rollups with every change committed at least `maxAgeMs` before `now`: the last refresh's if it
   * started within that, else a new one. Returns the instant they are complete up to.
   */
  async freshWithin(maxAgeMs: number, now = new Date()): Promise<Date> {
    if (maxAgeMs > 0 && this.freshAt && now.getTime() - this.freshAt.getTime() <= maxAgeMs) return this.freshAt;
    await this.refresh();
    // Set by the pass just awaited (or a later one).
    return this.freshAt ?? now;
  }

  /**
   * Brings the rollups up to date with every change committed before the call: waits for a refresh that
   * starts after it (one queued refresh serves every caller that came while another ran).
   */
  refresh(): Promise<RefreshOutcome> {
    if (this.queued) return this.queued;
    const pass = this.tail.then(() => {
      this.queued = null;
      return this.pass();
    });
    this.queued = pass;
    this.tail = pass.catch(() => undefined);
    return pass;
  }

  private async pass(): Promise<RefreshOutcome> {
    const outcome: RefreshOutcome = { days: 0, tickets: 0, backfill: false };
    const started = new Date();
    for (;;) {
      const step = await this.repository.transaction((manager) => this.step(manager));
      // Only once the rebuild is committed do its changes count as seen.
      if (step.seen) this.seen = step.seen;
      outcome.days += step.days;
      outcome.tickets += step.tickets;
      outcome.backfill ||= step.backfill;
      if (!step.again) break;
    }
    this.freshAt = started;
    if (outcome.backfill) this.logger.log(`statistics rollups built: ${outcome.days} days, ${outcome.tickets} tickets in ${Date.now() - started.getTime()} ms`);
    return outcome;
  }

  private async step(manager: EntityManager): Promise<RefreshOutcome & { again: boolean; seen?: Map<string, string> }> {
    const state = await this.repository.lockState(manager);
    const now = new Date();
    if (state.watermark === null) {
      const startedAt = state.backfillStartedAt ?? now;
      const lastDay = state.backfillLastDay ?? cityDayOf(now);
      const firstDay = state.backfillDay ?? (await this.repository.firstDay(manager)) ?? lastDay;
      const stepLast = daysOf(firstDay, lastDay).slice(0, BACKFILL_STEP_DAYS).pop() ?? lastDay;
      const days = firstDay <= lastDay ? daysOf(firstDay, stepLast) : [];
      const tickets = await this.rebuild(manager, days);
      const done = stepLast >= lastDay;
      await this.repository.saveState(
        manager,
        done
          ? { watermark: startedAt, backfillStartedAt: null, backfillDay: null, backfillLastDay: null }
          : { watermark: null, backfillStartedAt: startedAt, backfillDay: daysOf(stepLast, lastDay)[1], backfillLastDay: lastDay },
      );
      // After the last step, one incremental step for what changed while the backfill ran.
      return { days: days.length, tickets, backfill: true, again: true };
    }
    const changes = await this.repository.changesSince(manager, new Date(state.watermark.getTime() - ROLLUP_OVERLAP_MS));
    const days = [...new Set(changes.filter((change) => this.seen.get(change.id) !== change.change).map((change) => change.day))].sort();
    const tickets = await this.rebuild(manager, days);
    const watermark = now > state.watermark ? now : state.watermark;
    await this.repository.saveState(manager, { watermark, backfillStartedAt: null, backfillDay: null, backfillLastDay: null });
    return { days: days.length, tickets, backfill: false, again: false, seen: new Map(changes.map((change) => [change.id, change.change])) };
  }

  /** Rebuilds these days' rows from their tickets; returns how many tickets were read. */
  private async rebuild(manager: EntityManager, days: string[]): Promise<number> {
    let read = 0;
    for (const run of runsOf(days, RANGE_DAYS)) {
      const start = cityDayStart(run[0]);
      const last = cityDayStart(run[run.length - 1]);
      if (!start || !last) throw new Error(`not a city day: ${run[0]} … ${run[run.length - 1]}`);
      const tickets = await this.repository.tickets(manager, start, new Date(last.getTime() + DAY_MS));
      read += tickets.length;
      await this.repository.replaceDays(manager, run, rollupRowsOf(tickets));
    }
    return read;
  }
}
