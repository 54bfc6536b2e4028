import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  availableActions,
  refusalOf,
  transitionOf,
  type StaffAdminAction,
  type TicketAction,
  type TicketDetail,
  type TicketPage,
  type TicketStatus,
  type UserRole,
} from '@ssp/contracts';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Access } from '../../core/access/access.policy';
import type { AuthUser } from '../../core/auth/auth-user';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { DomainError, NotFoundError } from '../../core/errors/domain.error';
import { TicketNotificationsService } from '../notifications/ticket-notifications.service';
import { PhotosRepository } from '../photos/photos.repository';
import { PhotosService } from '../photos/photos.service';
import type { TicketActionDto } from './dto/ticket-action.dto';
import type { TicketQueryDto } from './dto/ticket-query.dto';
import type { TicketEventData } from './entities/ticket-event.entity';
import type { Ticket } from './entities/ticket.entity';
import { TicketCorrectionsService, type CorrectionPlan } from './ticket-corrections.service';
import { TicketDeadlinesService } from './ticket-deadlines.service';
import { decodeCursor, encodeCursor, toEventView, toTicketListItem } from './ticket-views.mapper';
import { TicketsRepository } from './tickets.repository';
import { resolutionFigures, signForFigures } from './ticket-figures.util';

const PAGE_SIZE = 20;
/** Region names change only on a boundary import; a minute's staleness is harmless. */
const REGION_NAMES_TTL_MS = 60_000;

export interface TransitionInput {
  note?: string | null;
  departmentId?: string | null;
  /** dispatch / transfer / reclassify: the category set on the way */
  categoryId?: string;
  /** merge: the ticket this one joins */
  mergedIntoId?: string;
  data?: TicketEventData;
}

export interface Actor {
  id: string | null;
  role: UserRole | 'system';
}

const REFUSALS = {
  wrong_role: () => new DomainError(ErrorCode.FORBIDDEN, '没有权限进行此操作'),
  not_owner: () => new NotFoundError('工单'),
  wrong_state: () => new DomainError(ErrorCode.TICKET_ILLEGAL_TRANSITION, '工单当前状态不能进行此操作'),
  no_pending_extension: () => new DomainError(ErrorCode.TICKET_ILLEGAL_TRANSITION, '没有待审批的延期申请'),
} as const;

@Injectable()
export class TicketsService {
  private regionNameCache: { loadedAt: number; names: Promise<Map<string, string>> } | null = null;

  constructor(
    private readonly tickets: TicketsRepository,
    private readonly photos: PhotosService,
    private readonly photoRows: PhotosRepository,
    private readonly deadlines: TicketDeadlinesService,
    private readonly corrections: TicketCorrectionsService,
    private readonly notifications: TicketNotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: AuthUser, query: TicketQueryDto, now = new Date()): Promise<TicketPage> {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (after === null) throw new DomainError(ErrorCode.VALIDATION_FAILED, '分页参数无效');
    const limit = query.limit ?? PAGE_SIZE;
    const categoryCodes = query.categoryCode ? await this.tickets.categoryCodesUnder(query.categoryCode) : undefined;
    if (categoryCodes && categoryCodes.length === 0) return { items: [], nextCursor: null };
    const rows = await this.tickets.list({
      departmentId: user.role === 'admin' ? undefined : (user.departmentId ?? undefined),
      status: query.status,
      overdueAt: query.overdue ? now : undefined,
      pendingExtension: query.pendingExtension,
      categoryCodes,
      regionCode: query.regionCode,
      q: query.q?.trim() || undefined,
      after,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const names = await this.regionNames();
    return {
      items: page.map((ticket) => toTicketListItem(ticket, ticket.regionCode ? (names.get(ticket.regionCode) ?? null) : null, now)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null,
    };
  }

  async detail(user: AuthUser, id: string, now = new Date()): Promise<TicketDetail> {
    const ticket = await this.tickets.findById(id);
    if (!ticket || !Access.ticket(user, ticket)) throw new NotFoundError('工单');
    return this.view(user, ticket, now);
  }

  /** The detail as the caller sees it; `ticket` must be one they may see (or have just acted on). */
  private async view(user: AuthUser, ticket: Ticket, now: Date): Promise<TicketDetail> {
    const id = ticket.id;
    const [events, reports, names, mergedInto] = await Promise.all([
      this.tickets.events(id),
      this.tickets.reportsOf(id),
      this.regionNames(),
      ticket.mergedIntoId ? this.tickets.findById(ticket.mergedIntoId) : null,
    ]);
    const reportIds = reports.map((report) => report.id);
    const [reportPhotos, eventPhotos] = await Promise.all([
      this.photos.viewsForReports(reportIds),
      this.photos.viewsForTicketEvents(events.map((event) => event.id)),
    ]);
    return {
      ...toTicketListItem(ticket, ticket.regionCode ? (names.get(ticket.regionCode) ?? null) : null, now),
      location: { lat: ticket.lat, lng: ticket.lng, coordSystem: 'gcj02' },
      resolutionReply: ticket.resolutionReply,
      resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
      closedAt: ticket.closedAt?.toISOString() ?? null,
      photos: reportIds.flatMap((reportId) => reportPhotos.get(reportId) ?? []),
      reports: reports.map((report) => ({
        id: report.id,
        reportNo: report.reportNo,
        description: report.description,
        createdAt: report.createdAt.toISOString(),
        outcome: report.outcome,
      })),
      mergedInto: mergedInto ? { id: mergedInto.id, ticketNo: mergedInto.ticketNo } : null,
      events: events.map((event) => toEventView(event, eventPhotos.get(event.id) ?? [], 'staff')),
      actions: availableActions({
        status: ticket.status,
        hasPendingExtension: ticket.pendingExtensionUntil !== null,
        role: user.role,
        owns: Access.ticket(user, ticket),
      }),
    };
  }

  /** A staff or admin action of the transition table: role, ownership, state, version, then one transaction. */
  async act(user: AuthUser, id: string, dto: TicketActionDto, now = new Date()): Promise<TicketDetail> {
    const ticket = await this.tickets.findById(id);
    if (!ticket || !Access.ticket(user, ticket)) throw new NotFoundError('工单');
    // A caller who read an older version learns that first: what they saw is no longer the ticket.
    if (dto.version !== ticket.version) throw this.stale();
    // Visible means owned here: staff see only their department's tickets, admins act on any.
    const refusal = refusalOf(dto.action, {
      status: ticket.status,
      hasPendingExtension: ticket.pendingExtensionUntil !== null,
      role: user.role,
      owns: true,
    });
    if (refusal) throw REFUSALS[refusal]();
    this.checkRequirements(dto);
    const photoIds = dto.action === 'resolve' ? (dto.photoIds ?? []) : [];
    if (dto.categoryCode && dto.action !== 'dispatch' && dto.action !== 'transfer' && dto.action !== 'reclassify') {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, '只有派单、转派和更正分类时可以设置问题类型');
    }
    if (dto.photoIds?.length && dto.action !== 'resolve') {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, '只有办结时可以附加照片');
    }
    if (photoIds.length > 0) await this.photos.assertAttachable(photoIds, user.id);
    const plan = await this.corrections.plan(user, ticket, dto);
    const input = plan ? this.correctionInput(plan, dto) : await this.inputFor(dto, ticket, now);
    await this.tickets.transaction(async (manager) => {
      const eventId = await this.applyTransition(manager, ticket, dto.action, { id: user.id, role: user.role }, input, now);
      if (photoIds.length > 0) await this.photoRows.attach(manager, photoIds, user.id, { ticketEventId: eventId });
      if (plan) await this.corrections.apply(manager, plan, ticket, user.id, input.note ?? null, now);
    });
    // Shown even when the action took the ticket out of the caller's sight (a return to triage).
    const updated = await this.tickets.findById(id);
    if (!updated) throw new NotFoundError('工单');
    return this.view(user, updated, now);
  }

  /**
   * 自动结案 (ARCHITECTURE.md §5): a resolved ticket whose residents neither rated nor reopened it within
   * the reopen window closes by itself. Each is a conditional update on its version, so an instance that
   * loses a race to a resident's rating (or to another instance) skips it. Returns how many it closed.
   */
  async autoCloseDue(now: Date, limit = 200): Promise<number> {
    const due = await this.tickets.resolvedBefore(new Date(now.getTime() - this.reopenWindowMs), limit);
    let closed = 0;
    for (const ticket of due) {
      try {
        await this.tickets.transaction((manager) =>
          this.applyTransition(
            manager,
            ticket,
            'auto_close',
            { id: null, role: 'system' },
            { note: `办结 ${this.config.tickets.reopenWindowDays} 天内未收到市民评价，系统自动结案` },
            now,
          ),
        );
        closed += 1;
      } catch (error) {
        if (!(error instanceof DomainError && error.code === ErrorCode.TICKET_STALE_VERSION)) throw error;
      }
    }
    return closed;
  }

  /**
   * Moves a ticket along the transition table inside the caller's transaction: a conditional update on
   * the version the caller read, the audit event and its outbox messages. Returns the event's id.
   */
  async applyTransition(
    manager: EntityManager,
    ticket: Ticket,
    action: TicketAction,
    actor: Actor,
    input: TransitionInput,
    now: Date,
  ): Promise<string> {
    const transition = transitionOf(action);
    const toStatus: TicketStatus = transition.to === 'same' ? ticket.status : transition.to;
    const changes = await this.changesFor(action, ticket, input, now);
    const updated = await this.tickets.updateIfVersion(manager, ticket.id, ticket.version, { ...changes, status: toStatus });
    if (!updated) throw this.stale();
    const event = this.tickets.newEvent({
      ticketId: ticket.id,
      action,
      fromStatus: ticket.status,
      toStatus,
      actorId: actor.id,
      actorRole: actor.role,
      note: input.note ?? null,
      // The department the ticket went to, or the one that acted on it.
      departmentId: input.departmentId ?? ticket.departmentId,
      data: input.data ?? null,
      createdAt: now,
    });
    await this.tickets.insertEvent(manager, event);
    await this.notifications.ticketChanged(manager, {
      ticketId: ticket.id,
      kind: action,
      fromStatus: ticket.status,
      previousDepartmentId: ticket.departmentId,
      actorId: actor.id,
      note: input.note ?? null,
      mergedIntoId: input.mergedIntoId,
      occurredAt: now,
    });
    return event.id;
  }

  deadlinesFor(categoryId: string | null, now: Date): Promise<{ acceptBy: Date; resolveBy: Date }> {
    return this.deadlines.deadlinesFor(categoryId, now);
  }

  private async changesFor(
    action: TicketAction,
    ticket: Ticket,
    input: TransitionInput,
    now: Date,
  ): Promise<QueryDeepPartialEntity<Ticket>> {
    switch (action) {
      case 'dispatch':
      case 'transfer':
      case 'reopen': {
        const departmentId = input.departmentId ?? ticket.departmentId;
        const categoryId = input.categoryId ?? ticket.categoryId;
        const deadlines = await this.deadlinesFor(categoryId, now);
        const reopened = action === 'reopen' ? { reopenCount: ticket.reopenCount + 1, resolvedAt: null, resolutionReply: null } : {};
        return { departmentId, categoryId, ...deadlines, overdue: false, pendingExtensionUntil: null, dispatchedAt: now, ...reopened };
      }
      case 'return':
        return { departmentId: null, acceptBy: null, resolveBy: null, overdue: false, pendingExtensionUntil: null };
      case 'reject':
      case 'confirm':
      case 'auto_close':
        return { closedAt: now };
      case 'resolve':
        return { resolutionReply: input.note ?? '', resolvedAt: now, pendingExtensionUntil: null, ...resolutionFigures(ticket, now) };
      case 'accept':
        return signForFigures(ticket, now);
      case 'request_extension':
        return { pendingExtensionUntil: input.data?.until ? new Date(input.data.until) : null };
      case 'approve_extension':
        return { resolveBy: ticket.pendingExtensionUntil, pendingExtensionUntil: null, overdue: false };
      case 'deny_extension':
        return { pendingExtensionUntil: null };
      case 'reclassify':
        return { categoryId: input.categoryId ?? ticket.categoryId };
      case 'merge':
        return { mergedIntoId: input.mergedIntoId ?? null, closedAt: now, pendingExtensionUntil: null, overdue: false };
      case 'split':
        return { supporterCount: Math.max(1, ticket.supporterCount - 1) };
      case 'request_transfer':
      case 'open_dispatched':
      case 'open_triage':
      case 'supporter_joined':
      case 'merged_in':
      case 'urge':
      case 'escalate':
        return {};
    }
  }

  private correctionInput(plan: CorrectionPlan, dto: TicketActionDto): TransitionInput {
    const note = dto.note?.trim() || null;
    switch (plan.action) {
      case 'reclassify':
        return { note, categoryId: plan.categoryId, data: plan.data };
      case 'merge':
        return { note, mergedIntoId: plan.target.id, data: plan.data };
      case 'split':
        return { note, data: plan.data };
    }
  }

  private checkRequirements(dto: TicketActionDto): void {
    const requires = transitionOf(dto.action).requires;
    const missing = [
      requires.note && !dto.note?.trim() ? 'note' : null,
      requires.departmentCode && !dto.departmentCode ? 'departmentCode' : null,
      requires.until && !dto.until ? 'until' : null,
      requires.categoryCode && !dto.categoryCode ? 'categoryCode' : null,
      requires.targetTicketNo && !dto.targetTicketNo ? 'targetTicketNo' : null,
      requires.reportId && !dto.reportId ? 'reportId' : null,
    ].filter((field): field is string => field !== null);
    if (missing.length > 0) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `缺少必填内容：${missing.join(', ')}`, { missing });
    }
  }

  private async inputFor(dto: TicketActionDto, ticket: Ticket, now: Date): Promise<TransitionInput> {
    const note = dto.note?.trim() || null;
    const action: StaffAdminAction = dto.action;
    if (action === 'dispatch' || action === 'transfer' || action === 'request_transfer') {
      const department = dto.departmentCode ? await this.tickets.activeDepartmentByCode(dto.departmentCode) : null;
      if (dto.departmentCode && !department) throw new DomainError(ErrorCode.VALIDATION_FAILED, '未知或已停用的部门');
      if (action === 'transfer' && department?.id === ticket.departmentId) {
        throw new DomainError(ErrorCode.BUSINESS_RULE, '工单已在该部门');
      }
      if (action === 'request_transfer') {
        return { note, data: department ? { suggestedDepartmentCode: department.code } : undefined };
      }
      const category = dto.categoryCode ? await this.tickets.activeCategoryByCode(dto.categoryCode) : null;
      if (dto.categoryCode && !category) throw new DomainError(ErrorCode.VALIDATION_FAILED, '未知的问题类型');
      return { note, departmentId: department?.id ?? null, categoryId: category?.id };
    }
    if (action === 'request_extension') {
      // Whole seconds: MySQL DATETIME keeps no fraction, and the deadline shown must be the one stored.
      const until = new Date(Math.floor(Date.parse(dto.until ?? '') / 1000) * 1000);
      const floor = ticket.resolveBy && ticket.resolveBy > now ? ticket.resolveBy : now;
      if (!(until > floor)) throw new DomainError(ErrorCode.VALIDATION_FAILED, '延期后的时限必须晚于当前时限');
      return { note, data: { until: until.toISOString() } };
    }
    if (action === 'approve_extension') {
      return { note, data: { until: ticket.pendingExtensionUntil?.toISOString() } };
    }
    return { note };
  }

  /** Code → name of every region, cached for a minute (a city has a few dozen). */
  regionNames(now = Date.now()): Promise<Map<string, string>> {
    if (!this.regionNameCache || now - this.regionNameCache.loadedAt > REGION_NAMES_TTL_MS) {
      const names = this.tickets.allRegionNames();
      this.regionNameCache = { loadedAt: now, names };
      names.catch(() => (this.regionNameCache = null));
    }
    return this.regionNameCache.names;
  }

  private stale(): DomainError {
    return new DomainError(ErrorCode.TICKET_STALE_VERSION, '工单已被他人更新，请刷新后重试');
  }

  get reopenWindowMs(): number {
    return this.config.tickets.reopenWindowDays * 86_400_000;
  }
}
