import { Injectable } from '@nestjs/common';
import { ErrorCode, type ModerationItem, type Page } from '@ssp/contracts';
import { toGcj02 } from '@ssp/geo';
import type { AuthUser } from '../../core/auth/auth-user';
import { DomainError, NotFoundError } from '../../core/errors/domain.error';
import { TrainingExamplesRepository } from '../classification/training-examples.repository';
import { IntakeDispatchService, type DispatchInput } from '../intake/intake-dispatch.service';
import { IntakeRepository } from '../intake/intake.repository';
import { reason } from '../intake/intake-reasons';
import { PhotosService } from '../photos/photos.service';
import { TicketsService } from '../tickets/tickets.service';
import type { ModerationDecisionDto, ModerationQueryDto } from './dto/moderation.dto';
import type { Report } from './entities/report.entity';
import { ReportsRepository } from './reports.repository';

const PAGE_SIZE = 20;
const ID_CURSOR = /^[0-9a-f-]{36}$/;

/**
 * The moderation queue (API.md `/admin/reports`): reports the filters held for review wait for an admin,
 * who accepts them (the pipeline goes on from classification) or rejects them with a reason the resident
 * reads. Two admins deciding at once: the first wins, the second gets 409 and nothing is written twice.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly intake: IntakeRepository,
    private readonly dispatch: IntakeDispatchService,
    private readonly trainingExamples: TrainingExamplesRepository,
    private readonly photos: PhotosService,
    private readonly ticketService: TicketsService,
  ) {}

  async list(query: ModerationQueryDto): Promise<Page<ModerationItem>> {
    const beforeId = query.cursor === undefined ? undefined : Buffer.from(query.cursor, 'base64url').toString('utf8');
    if (beforeId !== undefined && !ID_CURSOR.test(beforeId)) throw new DomainError(ErrorCode.VALIDATION_FAILED, '分页游标无效');
    const rows = await this.intake.byOutcome(query.outcome ?? 'review', beforeId, PAGE_SIZE + 1);
    const page = rows.slice(0, PAGE_SIZE);
    const items = await this.items(page);
    const last = page.at(-1);
    return { items, nextCursor: rows.length > PAGE_SIZE && last ? Buffer.from(last.id, 'utf8').toString('base64url') : null };
  }

  async decide(admin: AuthUser, id: string, body: ModerationDecisionDto, now = new Date()): Promise<ModerationItem> {
    const report = await this.reports.findById(id);
    if (!report) throw new NotFoundError('上报');
    if (report.outcome !== 'review') throw new DomainError(ErrorCode.CONFLICT, '该上报已处理，请刷新后查看');
    const decided = { reviewDecision: body.decision, reviewNote: body.reason ?? null, reviewedById: admin.id, reviewedAt: now };

    if (body.decision === 'reject') {
      if (!body.reason) throw new DomainError(ErrorCode.VALIDATION_FAILED, '请填写不予受理的原因（市民可见）', { missing: ['reason'] });
      await this.reports.transaction(async (manager) => {
        const changed = await this.reports.decideIfInReview(manager, id, {
          ...decided,
          outcome: 'rejected',
          reasons: [reason('MODERATION_REJECTED', `经人工审核未予受理：${body.reason}`)],
        });
        if (!changed) throw this.alreadyDecided();
      });
      return this.itemOf(id);
    }

    const category = await this.categoryFor(body.categoryCode ?? report.chosenCategoryCode);
    const input: DispatchInput = {
      description: report.description,
      gcj: toGcj02(report),
      regionCode: report.regionCode,
      category,
      photos: await this.intake.photoFactsOfReport(report.id),
      now,
    };
    const decision = await this.dispatch.decide(input);
    await this.reports.transaction(async (manager) => {
      const opened = await this.dispatch.open(manager, decision, input, report.reportNo);
      const accepted = reason('MODERATION_ACCEPTED');
      const changed = await this.reports.decideIfInReview(manager, id, {
        ...decided,
        outcome: decision.duplicate ? 'merged' : 'accepted',
        ticketId: opened.ticketId,
        reasons: [accepted, ...decision.reasons],
        checks: [...(report.checks ?? []), ...decision.checks],
        suggestedCategoryCode: decision.suggested?.code ?? null,
        classifierConfidence: decision.suggested?.confidence ?? null,
      });
      if (!changed) throw this.alreadyDecided();
      if (body.categoryCode && category) {
        await this.trainingExamples.insert(manager, {
          text: report.description,
          categoryCode: category.code,
          source: 'moderation',
          ticketId: opened.ticketId,
          createdById: admin.id,
        });
      }
    });
    return this.itemOf(id);
  }

  private async categoryFor(code: string | null | undefined) {
    if (!code) return null;
    const category = await this.reports.activeCategory(code);
    if (!category) throw new DomainError(ErrorCode.VALIDATION_FAILED, '未知的问题类型', { field: 'categoryCode' });
    return category;
  }

  private alreadyDecided(): DomainError {
    return new DomainError(ErrorCode.CONFLICT, '该上报已被其他管理员处理，请刷新后查看');
  }

  private async itemOf(id: string): Promise<ModerationItem> {
    const report = await this.reports.findById(id);
    if (!report) throw new NotFoundError('上报');
    const [item] = await this.items([report]);
    return item;
  }

  private async items(reports: Report[]): Promise<ModerationItem[]> {
    const codes = [...new Set(reports.flatMap((report) => [report.chosenCategoryCode, report.suggestedCategoryCode]).filter((code): code is string => !!code))];
    const [photos, categories, names] = await Promise.all([
      this.photos.viewsForReports(reports.map((report) => report.id)),
      this.reports.categoriesByCode(codes),
      this.ticketService.regionNames(),
    ]);
    const nameOf = (code: string | null) => {
      const category = code ? categories.find((candidate) => candidate.code === code) : undefined;
      return category ? { code: category.code, name: category.name } : null;
    };
    return reports.map((report) => ({
      id: report.id,
      reportNo: report.reportNo,
      description: report.description,
      outcome: report.outcome,
      reasons: report.reasons,
      checks: report.checks ?? [],
      createdAt: report.createdAt.toISOString(),
      location: { lat: report.lat, lng: report.lng, coordSystem: report.coordSystem },
      regionName: report.regionCode ? (names.get(report.regionCode) ?? null) : null,
      reporterNickname: report.reporter?.nickname ?? null,
      chosenCategory: nameOf(report.chosenCategoryCode),
      suggestedCategory: nameOf(report.suggestedCategoryCode),
      photos: photos.get(report.id) ?? [],
      decision:
        report.reviewDecision && report.reviewedAt
          ? { decision: report.reviewDecision, reason: report.reviewNote, decidedAt: report.reviewedAt.toISOString() }
          : null,
    }));
  }
}
