import { Injectable } from '@nestjs/common';
import type { IntakeCheckRecord, Reason } from '@ssp/contracts';
import { encodeGeohash, type LatLng } from '@ssp/geo';
import { maskText } from '@ssp/text';
import type { EntityManager } from 'typeorm';
import { nextDailyNumber } from '../../core/database/number-sequence.util';
import type { Category } from '../categories/entities/category.entity';
import { ClassifierService } from '../classification/classifier.service';
import { DedupeService } from '../dedupe/dedupe.service';
import type { ComparablePhoto } from '../dedupe/photo-evidence.util';
import { TicketNotificationsService, type MessageTicket, type TicketChange } from '../notifications/ticket-notifications.service';
import { TextFilterService } from '../filtering/text-filter.service';
import { ReportRoutingService, categoryPath } from '../routing/report-routing.service';
import { ticketPriorityOf } from '../routing/ticket-priority.util';
import type { TicketEvent, TicketEventData } from '../tickets/entities/ticket-event.entity';
import type { Ticket } from '../tickets/entities/ticket.entity';
import { TicketDeadlinesService } from '../tickets/ticket-deadlines.service';
import { TicketsRepository } from '../tickets/tickets.repository';
import { reason } from './intake-reasons';

export interface DispatchInput {
  description: string;
  gcj: LatLng;
  regionCode: string | null;
  /** The resident's choice, or an admin's in moderation: it beats the classifier. */
  category: Category | null;
  /** The report's photos as duplicate detection compares them. */
  photos: readonly ComparablePhoto[];
  now: Date;
}

/** What ARCHITECTURE.md §6 steps 3–5 decided for a report that passed the filters. */
export interface DispatchDecision {
  checks: IntakeCheckRecord[];
  reasons: Reason[];
  category: Category | null;
  suggested: { code: string; confidence: number } | null;
  duplicate: { ticketId: string; score: number } | null;
  department: { id: string; code: string; name: string } | null;
  /** The matched rule's SLA policy, or null for the category's default. */
  slaPolicyCode: string | null;
  /** The ticket's integer priority (see ticket-priority.util). */
  priority: number;
  /** SLA deadlines of the ticket to open, when it goes to a department. */
  deadlines: { acceptBy: Date; resolveBy: Date } | null;
  /** The description as staff see it on the ticket (words marked "mask" starred). */
  staffDescription: string;
  /** The routing explanation stored on the opening event. */
  trace: string[];
  /** What decided the department, stored on the opening event with the trace. */
  routing: NonNullable<TicketEventData['routing']>;
}

/** A new ticket as `ticketToOpen` made it, not yet written. */
export interface TicketToOpen {
  ticket: Ticket;
  event: TicketEvent;
  change: TicketChange;
  /** The ticket as messages and the answer describe it. */
  opened: MessageTicket;
}

/**
 * Classify → route → dedupe, then open the ticket or merge into the open one (附议). Deciding does every
 * read; `open` only writes, through the caller's transaction, together with the report. A read from the
 * pool inside that transaction would wait for a free connection while holding the daily-number row lock
 * that every other submission's transaction waits for: with more submissions in flight than pool
 * connections, nothing would move until the lock wait timed out.
 */
@Injectable()
export class IntakeDispatchService {
  constructor(
    private readonly classifier: ClassifierService,
    private readonly dedupe: DedupeService,
    private readonly routing: ReportRoutingService,
    private readonly textFilter: TextFilterService,
    private readonly tickets: TicketsRepository,
    private readonly deadlines: TicketDeadlinesService,
    private readonly notifications: TicketNotificationsService,
  ) {}

  /** The classifier's best guess alone, for a report held for review (the moderator sees it). */
  async suggest(description: string): Promise<DispatchDecision['suggested']> {
    const classification = await this.classifier.classify(description);
    return classification ? { code: classification.category.code, confidence: classification.confidence } : null;
  }

  async decide(input: DispatchInput): Promise<DispatchDecision> {
    const checks: IntakeCheckRecord[] = [];
    const trace: string[] = [];
    let category = input.category;
    let suggested: DispatchDecision['suggested'] = null;

    const classification = await this.classifier.classify(input.description);
    if (classification) suggested = { code: classification.category.code, confidence: classification.confidence };
    let lowConfidence: Reason | null = null;
    if (category) {
      trace.push(`问题类型：${categoryPath(category)}（居民或审核员选择）`);
      checks.push({ check: 'classify', verdict: 'pass' });
    } else if (classification && (classification.source === 'keyword_rule' || classification.confidence >= this.classifier.minConfidence)) {
      category = classification.category;
      trace.push(
        classification.source === 'keyword_rule'
          ? `问题类型：${categoryPath(category)}（关键词规则“${classification.keyword}”）`
          : `问题类型：${categoryPath(category)}（自动分类，置信度 ${classification.confidence.toFixed(2)}）`,
      );
      checks.push({ check: 'classify', verdict: 'pass' });
    } else {
      lowConfidence = reason('LOW_CONFIDENCE');
      trace.push(classification ? `自动分类置信度 ${classification.confidence.toFixed(2)} 低于阈值` : '无法自动分类');
      checks.push({ check: 'classify', verdict: 'pass', reason: lowConfidence });
    }

    // Routing comes before dedupe: a rule may reclassify the report (井盖缺失 → 井盖), and duplicates are
    // looked for in the category the ticket will have.
    const routed = await this.routing.routeReport({
      category,
      regionCode: input.regionCode,
      description: input.description,
      reportedAt: input.now,
    });
    category = routed.category;
    trace.push(...routed.trace);
    const routing: DispatchDecision['routing'] = {
      by: routed.routedBy,
      ruleId: routed.decision?.ruleId ?? null,
      ruleName: routed.decision?.ruleName ?? null,
      revision: routed.ruleSet.version,
      priority: routed.priority,
    };

    const duplicate = await this.dedupe.findDuplicate({
      lat: input.gcj.lat,
      lng: input.gcj.lng,
      categoryId: category?.id ?? null,
      photos: input.photos,
      description: input.description,
      now: input.now,
    });
    const decided = { category, suggested, slaPolicyCode: routed.slaPolicyCode, priority: ticketPriorityOf(routed.priority), trace, routing };
    if (duplicate) {
      const merged = reason('MERGED');
      checks.push({ check: 'dedupe', verdict: 'pass', reason: merged });
      return {
        ...decided,
        checks,
        reasons: [merged],
        duplicate: { ticketId: duplicate.ticketId, score: duplicate.score },
        department: null,
        deadlines: null,
        staffDescription: input.description,
      };
    }
    checks.push({ check: 'dedupe', verdict: 'pass' });
    checks.push({ check: 'route', verdict: 'pass' });
    const department = routed.department;
    // A report a rule routed is dispatched even without a category: the resident hears no "waiting for triage".
    const reasons: Reason[] = department ? [] : [lowConfidence ?? reason('NEEDS_TRIAGE')];
    const deadlines = department ? await this.deadlines.deadlinesFor(category?.id ?? null, input.now, routed.slaPolicyCode) : null;
    // Words admins marked "mask" are starred for everyone who handles the ticket; the report keeps the original.
    const staffDescription = await this.maskedForStaff(input.description);
    return { ...decided, checks, reasons, duplicate: null, department, deadlines, staffDescription };
  }

  /**
   * Opens the ticket (dispatched or waiting for triage) or adds the report's resident to the
   * duplicate's supporters, with the event and its outbox messages (the department's webhook). Returns
   * the ticket's id, for a merge how many now follow it, and the ticket as this transaction leaves it
   * (for the messages and the answer, so neither reads it again).
   * `ticketNo`: a number the caller already took for the new ticket; without it, one is taken here.
   */
  async open(
    manager: EntityManager,
    decision: DispatchDecision,
    input: DispatchInput,
    reportNo: string,
    ticketNo?: string,
  ): Promise<{ ticketId: string; supporters?: number; ticket: MessageTicket }> {
    if (decision.duplicate) {
      const target = await this.tickets.findById(decision.duplicate.ticketId, manager);
      if (!target) throw new Error(`duplicate ticket ${decision.duplicate.ticketId} vanished`);
      await this.tickets.addSupporters(manager, target.id, 1);
      const joined: MessageTicket = { ...target, supporterCount: target.supporterCount + 1 };
      await this.tickets.insertEvent(
        manager,
        this.tickets.newEvent({
          ticketId: target.id,
          action: 'supporter_joined',
          fromStatus: target.status,
          toStatus: target.status,
          actorRole: 'system',
          departmentId: target.departmentId,
          data: { reportNo, duplicateScore: Math.round(decision.duplicate.score * 1000) / 1000 },
          createdAt: input.now,
        }),
      );
      await this.notifications.ticketChanged(manager, {
        ticketId: target.id,
        kind: 'supporter_joined',
        fromStatus: target.status,
        previousDepartmentId: target.departmentId,
        actorId: null,
        note: null,
        occurredAt: input.now,
        written: joined,
      });
      return { ticketId: target.id, supporters: joined.supporterCount, ticket: joined };
    }
    const toOpen = this.ticketToOpen(decision, input, ticketNo ?? (await nextDailyNumber(manager, 'GD', input.now)));
    await this.tickets.insert(manager, toOpen.ticket);
    await this.tickets.insertEvent(manager, toOpen.event);
    await this.notifications.ticketChanged(manager, toOpen.change);
    // Before the commit: should it roll back, the lookup's read by id finds no such ticket.
    this.written(toOpen);
    return { ticketId: toOpen.ticket.id, ticket: toOpen.opened };
  }

  /**
   * The rows that open the ticket of a report that is no duplicate: the ticket (dispatched or waiting for
   * triage), its opening event and the change its messages are made of. Nothing is written here: `open`
   * writes them at once, intake's group commit (SubmissionWriter) with other submissions.
   */
  ticketToOpen(decision: DispatchDecision, input: DispatchInput, ticketNo: string): TicketToOpen {
    const { department, deadlines } = decision;
    const ticket = this.tickets.newTicket({
      ticketNo,
      status: department ? 'dispatched' : 'pending_triage',
      categoryId: decision.category?.id ?? null,
      regionCode: input.regionCode,
      departmentId: department?.id ?? null,
      priority: decision.priority,
      description: decision.staffDescription,
      lat: input.gcj.lat,
      lng: input.gcj.lng,
      geohash: encodeGeohash(input.gcj.lat, input.gcj.lng, 9),
      acceptBy: deadlines?.acceptBy ?? null,
      resolveBy: deadlines?.resolveBy ?? null,
      createdAt: input.now,
    });
    // The row as it will be written, with the defaults the insert leaves to the database: nobody else sees
    // it before its transaction commits, so it is not read back for the messages or the answer.
    const opened: MessageTicket = {
      id: ticket.id,
      ticketNo: ticket.ticketNo,
      status: ticket.status,
      priority: ticket.priority,
      regionCode: ticket.regionCode,
      departmentId: ticket.departmentId,
      description: ticket.description,
      lat: ticket.lat,
      lng: ticket.lng,
      supporterCount: 1,
      acceptBy: ticket.acceptBy,
      resolveBy: ticket.resolveBy,
      createdAt: ticket.createdAt,
      category: decision.category ? { code: decision.category.code, name: decision.category.name } : null,
      department: department ? { code: department.code, name: department.name } : null,
    };
    const event = this.tickets.newEvent({
      ticketId: ticket.id,
      action: department ? 'open_dispatched' : 'open_triage',
      fromStatus: null,
      toStatus: ticket.status,
      actorRole: 'system',
      departmentId: department?.id ?? null,
      data: { trace: decision.trace, routing: decision.routing },
      createdAt: input.now,
    });
    const change: TicketChange = {
      ticketId: ticket.id,
      kind: department ? 'open_dispatched' : 'open_triage',
      fromStatus: null,
      previousDepartmentId: null,
      actorId: null,
      note: null,
      occurredAt: input.now,
      written: opened,
    };
    return { ticket, event, change, opened };
  }

  /** A ticket opened (or being opened) by this process: duplicate detection finds it at once. */
  written(toOpen: TicketToOpen): void {
    this.dedupe.noteOpened(toOpen.ticket);
  }

  private async maskedForStaff(description: string): Promise<string> {
    const hits = (await this.textFilter.hits(description)).filter((hit) => hit.level === 'mask');
    return hits.length > 0 ? maskText(description, hits) : description;
  }
}

