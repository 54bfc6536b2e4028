import { Injectable } from '@nestjs/common';
import { ErrorCode, type StaffAdminAction } from '@ssp/contracts';
import { encodeGeohash, toGcj02 } from '@ssp/geo';
import type { EntityManager } from 'typeorm';
import { Access } from '../../core/access/access.policy';
import type { AuthUser } from '../../core/auth/auth-user';
import { nextDailyNumber } from '../../core/database/number-sequence.util';
import { DomainError, NotFoundError } from '../../core/errors/domain.error';
import { TrainingExamplesRepository } from '../classification/training-examples.repository';
import type { Report } from '../reports/entities/report.entity';
import type { TicketEventData } from './entities/ticket-event.entity';
import type { Ticket } from './entities/ticket.entity';
import { TicketDeadlinesService } from './ticket-deadlines.service';
import { TicketsRepository } from './tickets.repository';

const CORRECTABLE: readonly Ticket['status'][] = ['pending_triage', 'dispatched', 'in_progress'];

/** What a correction (reclassify, merge, split) needs besides the transition of the ticket itself. */
export type CorrectionPlan =
  | { action: 'reclassify'; categoryId: string; categoryCode: string; data: TicketEventData }
  | { action: 'merge'; target: Ticket; data: TicketEventData }
  | { action: 'split'; report: Report; data: TicketEventData };

export interface CorrectionRequest {
  action: StaffAdminAction;
  categoryCode?: string;
  targetTicketNo?: string;
  reportId?: string;
}

/**
 * Staff and admins correct what the intake pipeline decided: a wrong category (reclassify, which also
 * teaches the classifier), a duplicate it missed (merge into another ticket), or two problems it merged
 * (split a report out into a ticket of its own). Checks come first; the side effects on other rows run
 * inside the caller's transaction, after the ticket's own transition.
 */
@Injectable()
export class TicketCorrectionsService {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly trainingExamples: TrainingExamplesRepository,
    private readonly deadlines: TicketDeadlinesService,
  ) {}

  async plan(user: AuthUser, ticket: Ticket, request: CorrectionRequest): Promise<CorrectionPlan | null> {
    switch (request.action) {
      case 'reclassify': {
        const category = request.categoryCode ? await this.tickets.activeCategoryByCode(request.categoryCode) : null;
        if (!category) throw new DomainError(ErrorCode.VALIDATION_FAILED, '未知的问题类型');
        if (!category.parentId) throw new DomainError(ErrorCode.VALIDATION_FAILED, '请选择具体的小类');
        if (category.id === ticket.categoryId) throw new DomainError(ErrorCode.BUSINESS_RULE, '工单已是该问题类型');
        return {
          action: 'reclassify',
          categoryId: category.id,
          categoryCode: category.code,
          data: { previousCategoryCode: ticket.category?.code ?? null, categoryCode: category.code },
        };
      }
      case 'merge': {
        const target = request.targetTicketNo ? await this.tickets.findByTicketNo(request.targetTicketNo) : null;
        // A ticket the caller may not see is "not found", like everywhere else.
        if (!target || !Access.ticket(user, target)) throw new NotFoundError('目标工单');
        if (target.id === ticket.id) throw new DomainError(ErrorCode.BUSINESS_RULE, '不能合并到工单自身');
        if (!CORRECTABLE.includes(target.status)) throw new DomainError(ErrorCode.BUSINESS_RULE, '目标工单已办结或已关闭，不能合并');
        return { action: 'merge', target, data: { ticketNo: target.ticketNo } };
      }
      case 'split': {
        const reports = await this.tickets.reportsOf(ticket.id);
        const report = reports.find((candidate) => candidate.id === request.reportId);
        if (!report) throw new NotFoundError('上报');
        if (reports.length < 2) throw new DomainError(ErrorCode.BUSINESS_RULE, '工单只有一条上报，无需拆分');
        if (report.id === reports[0].id) throw new DomainError(ErrorCode.BUSINESS_RULE, '首条上报不能拆出，请拆出后来附议的上报');
        return { action: 'split', report, data: { reportNo: report.reportNo } };
      }
      default:
        return null;
    }
  }

  /** The side effects of a planned correction, in the transaction that moved `ticket`. */
  async apply(manager: EntityManager, plan: CorrectionPlan, ticket: Ticket, actorId: string, note: string | null, now: Date): Promise<void> {
    switch (plan.action) {
      case 'reclassify':
        await this.trainingExamples.insert(manager, {
          text: ticket.description,
          categoryCode: plan.categoryCode,
          source: 'correction',
          ticketId: ticket.id,
          createdById: actorId,
        });
        return;
      case 'merge':
        await this.tickets.moveReports(manager, plan.target.id, { ticketId: ticket.id });
        await this.tickets.addSupporters(manager, plan.target.id, ticket.supporterCount);
        await this.recordOn(manager, plan.target, 'merged_in', note, { ticketNo: ticket.ticketNo }, now);
        return;
      case 'split':
        await this.openSplitTicket(manager, ticket, plan.report, now);
        return;
    }
  }

  private async openSplitTicket(manager: EntityManager, source: Ticket, report: Report, now: Date): Promise<void> {
    const gcj = toGcj02({ lat: report.lat, lng: report.lng, coordSystem: report.coordSystem });
    const dispatched = source.departmentId !== null;
    const deadlines = dispatched ? await this.deadlines.deadlinesFor(source.categoryId, now) : null;
    const ticket = this.tickets.newTicket({
      ticketNo: await nextDailyNumber(manager, 'GD', now),
      status: dispatched ? 'dispatched' : 'pending_triage',
      categoryId: source.categoryId,
      regionCode: report.regionCode,
      departmentId: source.departmentId,
      description: report.description,
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
        action: dispatched ? 'open_dispatched' : 'open_triage',
        fromStatus: null,
        toStatus: ticket.status,
        actorRole: 'system',
        departmentId: source.departmentId,
        data: { trace: [`由工单 ${source.ticketNo} 拆分：上报 ${report.reportNo} 是另一个问题`], ticketNo: source.ticketNo },
        createdAt: now,
      }),
    );
    await this.tickets.moveReports(manager, ticket.id, { reportId: report.id });
    await this.tickets.markReportAccepted(manager, report.id);
  }

  /** An event on a ticket that another ticket's correction touched (its version stays). */
  private async recordOn(
    manager: EntityManager,
    ticket: Ticket,
    action: 'merged_in',
    note: string | null,
    data: TicketEventData,
    now: Date,
  ): Promise<void> {
    await this.tickets.insertEvent(
      manager,
      this.tickets.newEvent({
        ticketId: ticket.id,
        action,
        fromStatus: ticket.status,
        toStatus: ticket.status,
        actorRole: 'system',
        note,
        departmentId: ticket.departmentId,
        data,
        createdAt: now,
      }),
    );
  }
}
