import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  refusalOf,
  type CreateReportResponse,
  type Page,
  type Reason,
  type ReportDetail,
  type ReportListItem,
} from '@ssp/contracts';
import { encodeGeohash, toGcj02 } from '@ssp/geo';
import { Access } from '../../core/access/access.policy';
import type { AuthUser } from '../../core/auth/auth-user';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { isUniqueViolation } from '../../core/database/database-error.util';
import { nextDailyNumber } from '../../core/database/number-sequence.util';
import { DomainError, NotFoundError } from '../../core/errors/domain.error';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../core/http/keyset-cursor.util';
import type { Category } from '../categories/entities/category.entity';
import { PhotosRepository } from '../photos/photos.repository';
import { PhotosService } from '../photos/photos.service';
import { RegionsService } from '../regions/regions.service';
import { DefaultRoutesService } from '../routing/default-routes.service';
import { TicketsRepository } from '../tickets/tickets.repository';
import { TicketsService } from '../tickets/tickets.service';
import { toEventView, toTicketSummary } from '../tickets/ticket-views.mapper';
import type { CreateReportDto } from './dto/create-report.dto';
import type { RatingDto } from './dto/rating.dto';
import type { Report } from './entities/report.entity';
import { ReportsRepository } from './reports.repository';

const PAGE_SIZE = 20;

export interface CreateReportResult {
  /** false when the clientRequestId was seen before and the first answer is repeated */
  created: boolean;
  body: CreateReportResponse;
}

const REASONS = {
  outOfArea: { code: 'OUT_OF_AREA', message: '该位置不在本市服务范围内，请确认定位是否准确' },
  triage: { code: 'NEEDS_TRIAGE', message: '已受理，将由指挥中心确认问题类型后派单' },
} satisfies Record<string, Reason>;

@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly tickets: TicketsRepository,
    private readonly ticketService: TicketsService,
    private readonly photos: PhotosService,
    private readonly photoRows: PhotosRepository,
    private readonly regions: RegionsService,
    private readonly routes: DefaultRoutesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * ARCHITECTURE.md §6 without the filters and classifier (later issues): validate, place, route by the
   * default table, and open the ticket with its first event — all in one transaction.
   */
  async create(user: AuthUser, dto: CreateReportDto, now = new Date()): Promise<CreateReportResult> {
    const repeated = await this.reports.findByClientRequestId(user.id, dto.clientRequestId);
    if (repeated) return { created: false, body: await this.answerFor(repeated) };

    const category = dto.categoryCode ? await this.reports.activeCategory(dto.categoryCode) : null;
    if (dto.categoryCode && !category) throw new DomainError(ErrorCode.VALIDATION_FAILED, '未知的问题类型');
    await this.photos.assertAttachable(dto.photoIds, user.id);
    const located = await this.regions.locate(dto.location);
    const gcj = toGcj02(dto.location);
    const department = located.inServiceArea && category ? await this.routes.departmentFor(category.code) : null;

    try {
      const report = await this.reports.transaction(async (manager) => {
        let ticketId: string | null = null;
        if (located.inServiceArea) {
          const trace = this.traceOf(category, department);
          const deadlines = department ? await this.ticketService.deadlinesFor(category?.id ?? null, now) : null;
          const ticket = this.tickets.newTicket({
            ticketNo: await nextDailyNumber(manager, 'GD', now),
            status: department ? 'dispatched' : 'pending_triage',
            categoryId: category?.id ?? null,
            regionCode: located.district?.code ?? null,
            departmentId: department?.id ?? null,
            description: dto.description.trim(),
            lat: gcj.lat,
            lng: gcj.lng,
            geohash: encodeGeohash(gcj.lat, gcj.lng, 9),
            acceptBy: deadlines?.acceptBy ?? null,
            resolveBy: deadlines?.resolveBy ?? null,
            createdAt: now,
          });
          await this.tickets.insert(manager, ticket);
          await this.tickets.insertEvent(
            manager,
            this.tickets.newEvent({
              ticketId: ticket.id,
              action: department ? 'open_dispatched' : 'open_triage',
              fromStatus: null,
              toStatus: ticket.status,
              actorRole: 'system',
              departmentId: department?.id ?? null,
              data: { trace },
              createdAt: now,
            }),
          );
          ticketId = ticket.id;
        }
        const row = this.reports.newReport({
          reportNo: await nextDailyNumber(manager, 'SP', now),
          reporterId: user.id,
          clientRequestId: dto.clientRequestId,
          description: dto.description.trim(),
          lat: dto.location.lat,
          lng: dto.location.lng,
          coordSystem: dto.location.coordSystem,
          geohash: encodeGeohash(gcj.lat, gcj.lng, 9),
          regionCode: located.district?.code ?? null,
          chosenCategoryCode: category?.code ?? null,
          outcome: located.inServiceArea ? 'accepted' : 'rejected',
          reasons: !located.inServiceArea ? [REASONS.outOfArea] : department ? [] : [REASONS.triage],
          ticketId,
          createdAt: now,
        });
        await this.reports.insert(manager, row);
        if (dto.photoIds.length > 0) await this.photoRows.attach(manager, dto.photoIds, user.id, { reportId: row.id });
        return row;
      });
      return { created: true, body: await this.answerFor(report) };
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
    const items = await this.listItems(page);
    const last = page[page.length - 1];
    return { items, nextCursor: rows.length > PAGE_SIZE ? encodeReportCursor(last) : null };
  }

  async detail(user: AuthUser, id: string, now = new Date()): Promise<ReportDetail> {
    const report = await this.reports.findById(id);
    if (!report || !Access.report(user, report)) throw new NotFoundError('上报');
    const [item] = await this.listItems([report]);
    const photos = (await this.photos.viewsForReports([report.id])).get(report.id) ?? [];
    const ticket = report.ticketId ? await this.tickets.findById(report.ticketId) : null;
    const events = ticket ? await this.tickets.events(ticket.id) : [];
    const eventPhotos = await this.photos.viewsForTicketEvents(events.map((event) => event.id));
    const resolveEvent = [...events].reverse().find((event) => event.action === 'resolve');
    const resolved = ticket?.status === 'resolved';
    const names = await this.ticketService.regionNames();
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
      await this.reports.rate(manager, report.id, dto.score, comment, now);
    });
    return this.detail(user, id, now);
  }

  private traceOf(category: Category | null, department: { name: string } | null): string[] {
    if (!category) return ['居民未选择问题类型：转指挥中心人工分拨'];
    const chosen = `问题类型：${category.parent ? `${category.parent.name}/` : ''}${category.name}（居民选择）`;
    return department ? [chosen, `默认派单表：${category.name} → ${department.name}`] : [chosen, '默认派单表中无对应部门：转人工分拨'];
  }

  private async answerFor(report: Report): Promise<CreateReportResponse> {
    const ticket = report.ticketId ? await this.tickets.findById(report.ticketId) : null;
    return {
      id: report.id,
      reportNo: report.reportNo,
      outcome: report.outcome,
      reasons: report.reasons,
      ...(ticket ? { ticket: toTicketSummary(ticket) } : {}),
    };
  }

  private async listItems(reports: Report[]): Promise<ReportListItem[]> {
    const ticketIds = reports.flatMap((report) => (report.ticketId ? [report.ticketId] : []));
    const [tickets, photos, categories] = await Promise.all([
      Promise.all(ticketIds.map((ticketId) => this.tickets.findById(ticketId))),
      this.photos.viewsForReports(reports.map((report) => report.id)),
      this.reports.categoriesByCode(reports.flatMap((report) => (report.chosenCategoryCode ? [report.chosenCategoryCode] : []))),
    ]);
    const ticketById = new Map(tickets.flatMap((ticket) => (ticket ? [[ticket.id, ticket] as const] : [])));
    const categoryByCode = new Map(categories.map((category) => [category.code, category]));
    return reports.map((report) => {
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
  }
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
