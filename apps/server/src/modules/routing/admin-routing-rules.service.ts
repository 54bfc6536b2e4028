import { Injectable } from '@nestjs/common';
import { ErrorCode, type Page } from '@ssp/contracts';
import { diffRuleSets, validateRuleSet, type RuleSet, type RuleSetDiff, type RuleValidationContext } from '@ssp/rules';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../core/auth/auth-user';
import { isUniqueViolation } from '../../core/database/database-error.util';
import { DomainError } from '../../core/errors/domain.error';
import { PAGE_LIMIT } from '../admin/dto/page-query.dto';
import { decodeCursor, toPage } from '../admin/page.util';
import { AuditService } from '../audit/audit.service';
import type {
  PublishRoutingRulesDto,
  PutRoutingRulesDto,
  RevisionDetailDto,
  RevisionQueryDto,
  RevisionSummaryDto,
  RollbackRoutingRulesDto,
  RoutingRulesDraftDto,
} from './dto/routing-rules.dto';
import { DRAFT_SLOT, type RoutingRuleDraft } from './entities/routing-rule-draft.entity';
import { RoutingReferenceRepository } from './routing-reference.repository';
import { RoutingRulesRepository } from './routing-rules.repository';
import { actorOf, parseStoredRules, ruleSetOf, toRevisionSummary } from './routing-rules-view.util';
import { RoutingService } from './routing.service';

const DRAFT_ENTITY = 'routing_rules_draft';
const REVISION_ENTITY = 'routing_rule_revision';

function staleDraft(current: number): DomainError {
  return new DomainError(ErrorCode.CONFLICT, `派单规则草稿已被其他管理员修改（当前版本 ${current}），请刷新后再改`, { currentVersion: current });
}

function missingDraft(): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, '派单规则草稿不存在，请先初始化数据（npm run seed）');
}

/** Validates against the codes that exist now; every problem comes back with its path, in Chinese. */
function validated(rules: unknown, version: number, context: RuleValidationContext): RuleSet {
  const result = validateRuleSet({ version, rules }, context);
  if (!result.ok) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `派单规则有 ${result.errors.length} 处问题，请修改后再保存`, { errors: result.errors });
  }
  return result.ruleSet;
}

/**
 * The admin side of routing rules (API.md Admin): edit the draft under an optimistic lock, publish it
 * as a revision, read the history with diffs, roll back. Every change is audited in its transaction.
 */
@Injectable()
export class AdminRoutingRulesService {
  constructor(
    private readonly repository: RoutingRulesRepository,
    private readonly reference: RoutingReferenceRepository,
    private readonly routing: RoutingService,
    private readonly audit: AuditService,
  ) {}

  async draft(): Promise<RoutingRulesDraftDto> {
    const [draft, live] = await Promise.all([this.repository.findDraft(), this.repository.latestRevision()]);
    if (!draft) throw missingDraft();
    const rules = parseStoredRules(draft.rules);
    const diff = diffRuleSets(ruleSetOf(live), { version: draft.version, rules });
    return {
      version: draft.version,
      rules,
      updatedAt: draft.updatedAt.toISOString(),
      updatedBy: actorOf(draft.updatedBy),
      liveRevision: live?.revision ?? null,
      unpublished: { identical: diff.identical, summary: diff.summary },
    };
  }

  /** Replaces the draft. Saving what is already there changes nothing (and keeps the version). */
  async save(actor: AuthUser, body: PutRoutingRulesDto): Promise<RoutingRulesDraftDto> {
    const ruleSet = validated(body.rules, body.version, await this.reference.knownCodes());
    await this.repository.transaction(async (manager) => {
      const draft = await this.lockedDraft(manager, body.version);
      const diff = diffRuleSets({ version: draft.version, rules: parseStoredRules(draft.rules) }, ruleSet);
      if (diff.identical) return;
      if (!(await this.repository.updateDraftIfVersion(manager, draft.version, JSON.stringify(ruleSet.rules), actor.id))) {
        throw staleDraft(draft.version + 1);
      }
      await this.audit.record(manager, actor.id, 'update', DRAFT_ENTITY, DRAFT_SLOT, { version: draft.version }, {
        version: draft.version + 1,
        ruleCount: ruleSet.rules.length,
        summary: diff.summary,
      });
    });
    return this.draft();
  }

  /** Publishes the draft as the next revision; refused when it equals the live one. */
  async publish(actor: AuthUser, body: PublishRoutingRulesDto): Promise<RevisionDetailDto> {
    const context = await this.reference.knownCodes();
    const revision = await this.inPublishTransaction(async (manager) => {
      const draft = await this.lockedDraft(manager, body.version);
      const live = ruleSetOf(await this.repository.latestRevision(manager));
      const next = validated(parseStoredRules(draft.rules), live.version + 1, context);
      const diff = diffRuleSets(live, next);
      if (diff.identical) {
        throw new DomainError(ErrorCode.BUSINESS_RULE, `草稿与当前生效的第 ${live.version} 版相同，无需发布`);
      }
      await this.insertRevision(manager, actor, next, diff, body.note ?? null, null);
      return next.version;
    });
    return this.revision(revision);
  }

  /** Publishes a copy of revision `n` as the next revision and resets the draft to it. */
  async rollback(actor: AuthUser, n: number, body: RollbackRoutingRulesDto): Promise<RevisionDetailDto> {
    const context = await this.reference.knownCodes();
    const revision = await this.inPublishTransaction(async (manager) => {
      const draft = await this.lockedDraft(manager, body.version);
      const target = await this.repository.findRevision(n, manager);
      if (!target) throw new DomainError(ErrorCode.NOT_FOUND, `派单规则第 ${n} 版不存在`);
      const live = ruleSetOf(await this.repository.latestRevision(manager));
      const next = validated(parseStoredRules(target.rules), live.version + 1, context);
      const diff = diffRuleSets(live, next);
      if (diff.identical) {
        throw new DomainError(ErrorCode.BUSINESS_RULE, `第 ${n} 版与当前生效的第 ${live.version} 版相同，无需回滚`);
      }
      await this.insertRevision(manager, actor, next, diff, body.note ?? `回滚到第 ${n} 版`, n);
      const rules = JSON.stringify(next.rules);
      if (rules !== draft.rules) {
        if (!(await this.repository.updateDraftIfVersion(manager, draft.version, rules, actor.id))) throw staleDraft(draft.version + 1);
        await this.audit.record(manager, actor.id, 'update', DRAFT_ENTITY, DRAFT_SLOT, { version: draft.version }, {
          version: draft.version + 1,
          ruleCount: next.rules.length,
          summary: `回滚到第 ${n} 版`,
        });
      }
      return next.version;
    });
    return this.revision(revision);
  }

  async revisions(query: RevisionQueryDto): Promise<Page<RevisionSummaryDto>> {
    const limit = query.limit ?? PAGE_LIMIT.default;
    const key = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (key === null || (key !== undefined && !/^[1-9]\d{0,9}$/.test(key))) throw new DomainError(ErrorCode.VALIDATION_FAILED, '分页游标无效');
    const [rows, live] = await Promise.all([
      this.repository.revisionsPage(key === undefined ? undefined : Number(key), limit + 1),
      this.repository.latestRevisionNumber(),
    ]);
    return toPage(rows, limit, (row) => String(row.revision), (row) => toRevisionSummary(row, live));
  }

  /** One revision with its rules and what changed against the revision before it. */
  async revision(n: number): Promise<RevisionDetailDto> {
    const [revision, previous, live] = await Promise.all([
      this.repository.findRevision(n),
      n > 1 ? this.repository.findRevision(n - 1) : Promise.resolve(null),
      this.repository.latestRevisionNumber(),
    ]);
    if (!revision) throw new DomainError(ErrorCode.NOT_FOUND, `派单规则第 ${n} 版不存在`);
    const ruleSet = ruleSetOf(revision);
    return { ...toRevisionSummary(revision, live), rules: [...ruleSet.rules], diff: diffRuleSets(ruleSetOf(previous), ruleSet) };
  }

  private async lockedDraft(manager: EntityManager, version: number): Promise<RoutingRuleDraft> {
    const draft = await this.repository.lockDraft(manager);
    if (!draft) throw missingDraft();
    if (draft.version !== version) throw staleDraft(draft.version);
    return draft;
  }

  /** Two publishes racing for the same revision number: the unique index lets one commit, the other gets 409. */
  private async inPublishTransaction(work: (manager: EntityManager) => Promise<number>): Promise<number> {
    try {
      const revision = await this.repository.transaction(work);
      this.routing.invalidate();
      return revision;
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(ErrorCode.CONFLICT, '其他管理员刚刚发布了新版本，请刷新后重试');
      throw error;
    }
  }

  private async insertRevision(
    manager: EntityManager,
    actor: AuthUser,
    ruleSet: RuleSet,
    diff: RuleSetDiff,
    note: string | null,
    rolledBackFrom: number | null,
  ): Promise<void> {
    await this.repository.insertRevision(
      manager,
      {
        revision: ruleSet.version,
        rules: JSON.stringify(ruleSet.rules),
        ruleCount: ruleSet.rules.length,
        authorId: actor.id,
        note,
        diffSummary: diff.summary,
        addedCount: diff.added.length,
        removedCount: diff.removed.length,
        changedCount: diff.changed.length,
        rolledBackFrom,
      },
      new Date(),
    );
    await this.audit.record(manager, actor.id, 'create', REVISION_ENTITY, String(ruleSet.version), null, {
      revision: ruleSet.version,
      ruleCount: ruleSet.rules.length,
      summary: diff.summary,
      note,
      rolledBackFrom,
    });
  }
}
