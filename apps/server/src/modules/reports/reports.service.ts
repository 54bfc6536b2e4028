import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  refusalOf,
  type CreateReportResponse,
  type Page,
  type PhotoView,
  type Reason,
  type ReportDetail,
  type ReportListItem,
} from '@ssp/contracts';
import { encodeGeohash } from '@ssp/geo';
import type { EntityManager } from 'typeorm';
import { Access } from '../../core/access/access.policy';
import type { AuthUser } from '../../core/auth/auth-user';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { isUniqueViolation } from '../../core/database/database-error.util';
import { DailyNumberAllocator } from '../../core/database/daily-number.allocator';
import { DomainError, NotFoundError } from '../../core/errors/domain.error';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../core/http/keyset-cursor.util';
import { PhotosRepository } from '../photos/photos.repository';
import { PhotosService } from '../photos/photos.service';
import { IntakeDispatchService, type DispatchInput } from '../intake/intake-dispatch.service';
import { IntakeService, textHashOf } from '../intake/intake.service';
import { TicketsRepository } from '../tickets/tickets.repository';
import { TicketsService } from '../tickets/tickets.service';
import { toEventView, toTicketSummary } from '../tickets/ticket-views.mapper';
import type { MessageTicket } from '../notifications/ticket-notifications.service';
import type { CreateReportDto } from './dto/create-report.dto';
import type { RatingDto } from './dto/rating.dto';
import type { Ticket } from '../tickets/entities/ticket.entity';
import type { Report } from './entities/report.entity';
import { ReportsRepository } from './reports.repository';
import { SubmissionWriter } from './submission-writer';

const PAGE_SIZE = 20;

export type ReportAttachment = (manager: EntityManager, report: Report) => Promise<void>;

export interface CreateReportResult {
  /** false when the clientRequestId was seen before and the first answer is repeated */
  created: boolean;
  body: CreateReportResponse;
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly numbers: DailyNumberAllocator,
    private readonly reports: ReportsRepository,
    private readonly tickets: TicketsRepository,
    private readonly ticketService: TicketsService,
    private readonly photos: PhotosService,
    private readonly photoRows: PhotosRepository,
    private readonly intake: IntakeService,
    private readonly dispatch: IntakeDispatchService,
    private readonly writer: SubmissionWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * ARCHITECTURE.md §6: validate, filter, then (for what passed) classify, dedupe, route and open or
   * join the ticket — the report, its ticket, the event and the photos commit together or not at all
   * (through intake's group commit, SubmissionWriter, or for a merge in a transaction of its own).
   * `attach` writes what another channel (Open311) keeps beside the report, in the report's
   * transaction, so a failure leaves neither.
   */
  async create(user: AuthUser, dto: CreateReportDto, now = new Date(), attach?: ReportAttachment): Promise<CreateReportResult> {
    const textHash = textHashOf(dto.description);
    const history = await this.intake.history(user, dto, textHash, now);
    const repeated = history.repeatedReportId ? await this.reports.findById(history.repeatedReportId) : null;
    if (repeated) return { created: false, body: await this.answerFor(repeated) };

    const category = dto.categoryCode ? await this.reports.activeCategory(dto.categoryCode) : null;
    if (dto.categoryCode && !category) throw new DomainError(ErrorCode.VALIDATION_FAILED, '未知的问题类型');
    const photos = await this.photos.assertAttachableToReport(dto.photoIds, user.id);
    this.intake.assertWithinRateLimits(history, dto.deviceId, now);
    const verdict = await this.intake.filter(user, dto, now, photos, history, textHash);
    const dispatchInput: DispatchInput = {
      description: verdict.input.description,
      gcj: verdict.input.gcj,
      regionCode: verdict.regionCode,
      category,
      photos: verdict.input.photos,
      now,
    };
    const decision = verdict.outcome === 'accepted' ? await this.dispatch.decide(dispatchInput) : null;
    const suggested = decision ? decision.suggested : verdict.outcome === 'review' ? await this.dispatch.suggest(dispatchInput.description) : null;
    // Numbers come from blocks this instance reserved (DailyNumberAllocator), not from the counter row
    // inside the write below: a submission that fails after this leaves a gap in the day's numbers.
    const reportNo = await this.numbers.next('SP', now);
    const ticketNo = decision && !decision.duplicate ? await this.numbers.next('GD', now) : undefined;

    const reportRow = (ticketId: string | null, reasons: Reason[]) =>
      this.reports.newReport({
        reportNo,
        reporterId: user.id,
        clientRequestId: dto.clientRequestId,
        deviceId: dto.deviceId ?? null,
        description: verdict.input.description,
        lat: dto.location.lat,
        lng: dto.location.lng,
        coordSystem: dto.location.coordSystem,
        geohash: encodeGeohash(verdict.input.gcj.lat, verdict.input.gcj.lng, 9),
        regionCode: verdict.regionCode,
        chosenCategoryCode: category?.code ?? null,
        suggestedCategoryCode: suggested?.code ?? null,
        classifierConfidence: suggested?.confidence ?? null,
        textHash: verdict.input.textHash,
        outcome: decision?.duplicate ? 'merged' : verdict.outcome,
        reasons,
        checks: [...verdict.checks, ...(decision?.checks ?? [])],
        ticketId,
        createdAt: now,
      });

    try {
      let report: { row: Report; ticket?: MessageTicket };
      if (decision?.duplicate || attach) {
        // A merge reads and updates the ticket it joins, another channel writes rows of its own: one
        // transaction of its own.
        report = await this.reports.transaction(async (manager) => {
          const dispatched = decision ? await this.dispatch.open(manager, decision, dispatchInput, reportNo, ticketNo) : null;
          const row = reportRow(dispatched?.ticketId ?? null, decision ? mergedReasons(decision.reasons, dispatched?.supporters) : verdict.reasons);
          await this.reports.insert(manager, row);
          await this.photoRows.attach(manager, dto.photoIds, user.id, { reportId: row.id });
          if (attach) await attach(manager, row);
          return { row, ticket: dispatched?.ticket };
        });
      } else {
        // Everything else is written with the submissions arriving meanwhile (group commit).
        const toOpen = decision && ticketNo ? this.dispatch.ticketToOpen(decision, dispatchInput, ticketNo) : null;
        const row = reportRow(toOpen?.ticket.id ?? null, decision ? decision.reasons : verdict.reasons);
        await this.writer.write({ report: row, photoIds: dto.photoIds, toOpen });
        if (toOpen) this.dispatch.written(toOpen);
        report = { row, ticket: toOpen?.opened };
      }
      // Answered from the ticket as this submission left it (opened or joined), without reading it again.
      return { created: true, body: report.ticket ? answerOf(report.row, report.ticket) : await this.answerFor(report.row) };
    } catch (error) {
      // A concurrent retry of the same submission won the unique key: answer with its result.
      if (!isUniqueViolation(error)) throw error;
      const first = await this.reports.findByClientRequestId(user.id, dto.clientRequestId);
      if (!first) throw error;
      return { created: false, body: await this.answerFor(first) };
    }
  }

  async mine(user: AuthUser, cursor: string | undefined): Promise<Page<ReportListItem>> {
    const after = cursor ? decodeReportCursor(cursor) : undefined;
    if (after === null) throw new DomainError(ErrorCode.VALIDATION_FAILED, '分页参数无效');
    const rows = await this.reports.mine(user.id, after, PAGE_SIZE + 1);
    const page = rows.slice(0, PAGE_SIZE);
    const { items } = await this.loadItems(page);
    const last = page[page.length - 1];
    return { items, nextCursor: rows.length > PAGE_SIZE ? encodeReportCursor(last) : null };
  }

  async detail(user: AuthUser, id: string, now = new Date()): Promise<ReportDetail> {
    const report = await this.reports.findById(id);
    if (!report || !Access.report(user, report)) throw new NotFoundError('上报');
    // The list item's reads (ticket, photos) serve the rest of the page; the timeline is read beside them.
    const [loaded, events, names] = await Promise.all([
      this.loadItems([report]),
      report.ticketId ? this.tickets.events(report.ticketId) : [],
      this.ticketService.regionNames(),
    ]);
    const [item] = loaded.items;
    const photos = loaded.photos.get(report.id) ?? [];
    const ticket = (report.ticketId ? loaded.tickets.get(report.ticketId) : undefined) ?? null;
    const eventPhotos = await this.photos.viewsForTicketEvents(events.map((event) => event.id));
    const resolveEvent = [...events].reverse().find((event) => event.action === 'resolve');
    const resolved = ticket?.status === 'resolved';
    return {
      ...item,
      location: { lat: report.lat, lng: report.lng, coordSystem: report.coordSystem },
      regionName: report.regionCode ? (names.get(report.regionCode) ?? null) : null,
      reasons: report.reasons,
      photos,
      rating: report.rating,
      ratingComment: report.ratingComment,
      canRate: resolved,
      canReopen: resolved && ticket.resolvedAt !== null && now.getTime() - ticket.resolvedAt.getTime() <= this.ticketService.reopenWindowMs,
      resolution:
        ticket?.resolutionReply && ticket.resolvedAt
          ? {
              reply: ticket.resolutionReply,
              photos: resolveEvent ? (eventPhotos.get(resolveEvent.id) ?? []) : [],
              resolvedAt: ticket.resolvedAt.toISOString(),
            }
          : null,
      timeline: events.map((event) => toEventView(event, eventPhotos.get(event.id) ?? [], 'resident')),
    };
  }

  /** The resident's verdict on resolved work: confirm (score ≥ 3 closes), reopen, or a low score alone. */
  async rate(user: AuthUser, id: string, dto: RatingDto, now = new Date()): Promise<ReportDetail> {
    const report = await this.reports.findById(id);
    if (!report || !Access.report(user, report)) throw new NotFoundError('上报');
    const ticket = report.ticketId ? await this.tickets.findById(report.ticketId) : null;
    if (!ticket || ticket.status !== 'resolved') {
      throw new DomainError(ErrorCode.BUSINESS_RULE, '问题尚未办结，办结后才能评价');
    }
    const comment = dto.comment?.trim() || null;
    const action = dto.reopen ? 'reopen' : dto.score >= 3 ? 'confirm' : null;
    if (action === 'reopen') {
      if (!comment) throw new DomainError(ErrorCode.VALIDATION_FAILED, '请说明不满意的原因', { missing: ['comment'] });
      const resolvedAt = ticket.resolvedAt?.getTime() ?? 0;
      if (now.getTime() - resolvedAt > this.ticketService.reopenWindowMs) {
        throw new DomainError(ErrorCode.BUSINESS_RULE, `办结已超过 ${this.config.tickets.reopenWindowDays} 天，不能再申请重办`);
      }
    }
    if (action) {
      const refusal = refusalOf(action, { status: ticket.status, hasPendingExtension: false, role: user.role, owns: true });
      if (refusal) throw new DomainError(ErrorCode.TICKET_ILLEGAL_TRANSITION, '工单当前状态不能进行此操作');
    }
    await this.reports.transaction(async (manager) => {
      if (action) {
        await this.ticketService.applyTransition(
          manager,
          ticket,
          action,
          { id: user.id, role: 'resident' },
          { note: comment, departmentId: action === 'reopen' ? ticket.departmentId : null, data: { rating: dto.score } },
          now,
        );
      }
      if (!(await this.reports.rate(manager, report, dto.score, comment, now))) {
        throw new DomainError(ErrorCode.TICKET_STALE_VERSION, '评价已被更新，请刷新后重试');
      }
    });
    return this.detail(user, id, now);
  }

  private async answerFor(report: Report): Promise<CreateReportResponse> {
    const ticket = report.ticketId ? await this.tickets.findById(report.ticketId) : null;
    return answerOf(report, ticket);
  }

  /** The list items of these reports, and the tickets and photos read for them. */
  private async loadItems(reports: Report[]): Promise<{ items: ReportListItem[]; tickets: Map<string, Ticket>; photos: Map<string, PhotoView[]> }> {
    const ticketIds = reports.flatMap((report) => (report.ticketId ? [report.ticketId] : []));
    const [tickets, photos, categories] = await Promise.all([
      this.tickets.findByIds(ticketIds),
      this.photos.viewsForReports(reports.map((report) => report.id)),
      this.reports.categoriesByCode(reports.flatMap((report) => (report.chosenCategoryCode ? [report.chosenCategoryCode] : []))),
    ]);
    const ticketById = new Map(tickets.map((ticket) => [ticket.id, ticket] as const));
    const categoryByCode = new Map(categories.map((category) => [category.code, category]));
    const items = reports.map((report) => {
      const ticket = report.ticketId ? ticketById.get(report.ticketId) : undefined;
      const category = ticket?.category ?? (report.chosenCategoryCode ? categoryByCode.get(report.chosenCategoryCode) : undefined);
      return {
        id: report.id,
        reportNo: report.reportNo,
        description: report.description,
        outcome: report.outcome,
        createdAt: report.createdAt.toISOString(),
        category: category ? { code: category.code, name: category.name } : null,
        ticket: ticket ? toTicketSummary(ticket) : null,
        thumbUrl: photos.get(report.id)?.[0]?.thumbUrl ?? null,
      };
    });
    return { items, tickets: ticketById, photos };
  }
}

function answerOf(report: Report, ticket: Parameters<typeof toTicketSummary>[0] | null): CreateReportResponse {
  return {
    id: report.id,
    reportNo: report.reportNo,
    outcome: report.outcome,
    reasons: report.reasons,
    ...(ticket ? { ticket: toTicketSummary(ticket) } : {}),
  };
}

/** The merge message names how many residents now follow the problem. */
function mergedReasons(reasons: Reason[], supporters: number | undefined): Reason[] {
  if (supporters === undefined) return reasons;
  return reasons.map((entry) =>
    entry.code === 'MERGED' ? { ...entry, message: `已有 ${supporters} 位市民反映此问题，您已加入该问题的跟踪` } : entry,
  );
}

function encodeReportCursor(report: Report): string {
  return encodeKeysetCursor([report.createdAt.toISOString(), report.id]);
}

function decodeReportCursor(cursor: string): { createdAt: Date; id: string } | null {
  const key = decodeKeysetCursor(cursor, 2);
  if (!key) return null;
  const [createdAt, id] = key;
  if (createdAt === null || id === null || Number.isNaN(Date.parse(createdAt))) return null;
  return { createdAt: new Date(createdAt), id };
}
