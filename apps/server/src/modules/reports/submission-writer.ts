import { Injectable } from '@nestjs/common';
import { GroupCommit } from '../../core/database/group-commit';
import type { TicketToOpen } from '../intake/intake-dispatch.service';
import { TicketNotificationsService } from '../notifications/ticket-notifications.service';
import { PhotosRepository } from '../photos/photos.repository';
import { TicketsRepository } from '../tickets/tickets.repository';
import type { Report } from './entities/report.entity';
import { ReportsRepository } from './reports.repository';

/** What one submission writes when it opens a ticket or none (a merge writes through its own transaction). */
export interface SubmissionWrite {
  report: Report;
  /** Claimed for the report, as `PhotosRepository.attach` claims them. */
  photoIds: readonly string[];
  /** The ticket the report opens, with its event and messages; null for a rejected or held report. */
  toOpen: TicketToOpen | null;
}

/**
 * Up to this many submissions per transaction. At 32 submissions in flight, batches of 8–16 form; the
 * bound keeps one statement's parameters and one transaction's locks small.
 */
const MAX_BATCH = 32;
/**
 * One transaction at a time: the submissions arriving while it runs form the next batch. Two at a time
 * made smaller batches and more statements: 446 against 489–542 req/s in tools/bench/intake.
 */
const MAX_IN_FLIGHT = 1;

/**
 * Writes submissions with intake's group commit (core/database/group-commit.ts): the submissions that
 * arrive while a transaction runs are written by the next one together — tickets, events, outbox
 * messages and reports as one multi-row INSERT each, the photo claims as one UPDATE. Every submission's
 * rows commit together or not at all, as with a transaction of its own; a submission that cannot be
 * written (its photo claimed meanwhile, its clientRequestId taken by a concurrent retry) is retried
 * alone and fails alone.
 */
@Injectable()
export class SubmissionWriter {
  private readonly group = new GroupCommit<SubmissionWrite>((items) => this.writeAll(items), { maxBatch: MAX_BATCH, maxInFlight: MAX_IN_FLIGHT });

  constructor(
    private readonly reports: ReportsRepository,
    private readonly tickets: TicketsRepository,
    private readonly photos: PhotosRepository,
    private readonly notifications: TicketNotificationsService,
  ) {}

  /** Settles when the submission is committed. */
  write(submission: SubmissionWrite): Promise<void> {
    return this.group.submit(submission);
  }

  private writeAll(submissions: readonly SubmissionWrite[]): Promise<void> {
    const opening = submissions.flatMap((submission) => (submission.toOpen ? [submission.toOpen] : []));
    return this.reports.transaction(async (manager) => {
      // Tickets first: events and reports refer to them.
      await this.tickets.insertAll(manager, opening.map((toOpen) => toOpen.ticket));
      await this.tickets.insertEvents(manager, opening.map((toOpen) => toOpen.event));
      await this.notifications.ticketsChanged(manager, opening.map((toOpen) => toOpen.change));
      await this.reports.insertAll(manager, submissions.map((submission) => submission.report));
      await this.photos.attachToReports(
        manager,
        submissions.map(({ report, photoIds }) => ({ photoIds, ownerId: report.reporterId, reportId: report.id })),
      );
    });
  }
}
