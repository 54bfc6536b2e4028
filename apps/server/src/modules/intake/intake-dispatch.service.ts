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
import { TextFilterService } from '../filtering/text-filter.service';
import { DefaultRoutesService } from '../routing/default-routes.service';
import { TicketsRepository } from '../tickets/tickets.repository';
import { TicketsService } from '../tickets/tickets.service';
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
  department: { id: string; name: string } | null;
  /** The routing explanation stored on the opening event. */
  trace: string[];
}

/**
 * Classify → dedupe → route, then open the ticket or merge into the open one (附议). Deciding reads only;
 * `open` writes inside the caller's transaction, together with the report.
 */
@Injectable()
export class IntakeDispatchService {
  constructor(
    private readonly classifier: ClassifierService,
    private readonly dedupe: DedupeService,
    private readonly routes: DefaultRoutesService,
    private readonly textFilter: TextFilterService,
    private readonly tickets: TicketsRepository,
    private readonly ticketService: TicketsService,
  ) {}

  async decide(input: DispatchInput): Promise<DispatchDecision> {
    const checks: IntakeCheckRecord[] = [];
    const reasons: Reason[] = [];
    const trace: string[] = [];
    let category = input.category;
    let suggested: DispatchDecision['suggested'] = null;

    const classification = await this.classifier.classify(input.description);
    if (classification) suggested = { code: classification.category.code, confidence: classification.confidence };
    if (category) {
      trace.push(`问题类型：${pathOf(category)}（居民或审核员选择）`);
      checks.push({ check: 'classify', verdict: 'pass' });
    } else if (classification && (classification.source === 'keyword_rule' || classification.confidence >= this.classifier.minConfidence)) {
      category = classification.category;
      trace.push(
        classification.source === 'keyword_rule'
          ? `问题类型：${pathOf(category)}（关键词规则“${classification.keyword}”）`
          : `问题类型：${pathOf(category)}（自动分类，置信度 ${classification.confidence.toFixed(2)}）`,
      );
      checks.push({ check: 'classify', verdict: 'pass' });
    } else {
      const low = reason('LOW_CONFIDENCE');
      trace.push(classification ? `自动分类置信度 ${classification.confidence.toFixed(2)} 低于阈值：转人工分拨` : '无法自动分类：转人工分拨');
      checks.push({ check: 'classify', verdict: 'pass', reason: low });
      reasons.push(low);
    }

    const duplicate = await this.dedupe.findDuplicate({
      lat: input.gcj.lat,
      lng: input.gcj.lng,
      categoryId: category?.id ?? null,
      photos: input.photos,
      description: input.description,
      now: input.now,
    });
    if (duplicate) {
      const merged = reason('MERGED');
      checks.push({ check: 'dedupe', verdict: 'pass', reason: merged });
      return { checks, reasons: [merged], category, suggested, duplicate: { ticketId: duplicate.ticketId, score: duplicate.score }, department: null, trace };
    }
    checks.push({ check: 'dedupe', verdict: 'pass' });

    const department = category ? await this.routes.departmentFor(category.code) : null;
    if (category) trace.push(department ? `默认派单表：${category.name} → ${department.name}` : '默认派单表中无对应部门：转人工分拨');
    if (category && !department) reasons.push(reason('NEEDS_TRIAGE'));
    if (!category && reasons.length === 0) reasons.push(reason('NEEDS_TRIAGE'));
    checks.push({ check: 'route', verdict: 'pass' });
    return { checks, reasons, category, suggested, duplicate: null, department, trace };
  }

  /**
   * Opens the ticket (dispatched or waiting for triage) or adds the report's resident to the
   * duplicate's supporters. Returns the ticket's id and, for a merge, how many now follow it.
   */
  async open(manager: EntityManager, decision: DispatchDecision, input: DispatchInput, reportNo: string): Promise<{ ticketId: string; supporters?: number }> {
    if (decision.duplicate) {
      const target = await this.tickets.findById(decision.duplicate.ticketId, manager);
      if (!target) throw new Error(`duplicate ticket ${decision.duplicate.ticketId} vanished`);
      await this.tickets.addSupporters(manager, target.id, 1);
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
      return { ticketId: target.id, supporters: target.supporterCount + 1 };
    }
    const department = decision.department;
    const deadlines = department ? await this.ticketService.deadlinesFor(decision.category?.id ?? null, input.now) : null;
    const ticket = this.tickets.newTicket({
      ticketNo: await nextDailyNumber(manager, 'GD', input.now),
      status: department ? 'dispatched' : 'pending_triage',
      categoryId: decision.category?.id ?? null,
      regionCode: input.regionCode,
      departmentId: department?.id ?? null,
      // Words admins marked "mask" are starred for everyone who handles the ticket; the report keeps the original.
      description: await this.maskedForStaff(input.description),
      lat: input.gcj.lat,
      lng: input.gcj.lng,
      geohash: encodeGeohash(input.gcj.lat, input.gcj.lng, 9),
      acceptBy: deadlines?.acceptBy ?? null,
      resolveBy: deadlines?.resolveBy ?? null,
      createdAt: input.now,
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
        data: { trace: decision.trace },
        createdAt: input.now,
      }),
    );
    return { ticketId: ticket.id };
  }

  private async maskedForStaff(description: string): Promise<string> {
    const hits = (await this.textFilter.hits(description)).filter((hit) => hit.level === 'mask');
    return hits.length > 0 ? maskText(description, hits) : description;
  }
}

function pathOf(category: Category): string {
  return `${category.parent ? `${category.parent.name}/` : ''}${category.name}`;
}
