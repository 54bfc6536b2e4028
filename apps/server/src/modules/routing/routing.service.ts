import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  compileRuleSet,
  evaluateRules,
  validateRuleSet,
  type CompiledRuleSet,
  type EvaluationResult,
  type RoutingDecision,
  type RoutingFacts,
  type RulePriority,
  type RuleSet,
} from '@ssp/rules';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { DefaultRoutesService } from './default-routes.service';
import { RoutingReferenceRepository } from './routing-reference.repository';
import { RoutingRulesRepository } from './routing-rules.repository';

/** `live`: the newest published revision, which dispatch uses. `draft`: what admins are editing. */
export type RuleSetSource = 'live' | 'draft';

/** How the department was found: a rule, the category → department table, or nobody (manual triage). */
export type RoutedBy = 'rule' | 'default_table' | 'triage';

export interface RoutedReport {
  /** The rule set evaluated: its source and number (revision, or the draft's version); null when none exists. */
  ruleSet: { source: RuleSetSource; version: number | null };
  /** Null when there was no rule set to evaluate. */
  evaluation: EvaluationResult | null;
  /** The rule that decided; null when the default table or triage did. */
  decision: RoutingDecision | null;
  routedBy: RoutedBy;
  department: { id: string; code: string; name: string } | null;
  /** The category the rule reclassified the report to, or null to keep its own. */
  categoryCode: string | null;
  /** The rule's SLA policy, or null for the category's default. */
  slaPolicyCode: string | null;
  priority: RulePriority;
  /** Chinese lines for the dispatch event: why this department (为什么派给这个部门). */
  trace: string[];
}

interface LoadedRuleSet {
  /** Null: nothing published yet. */
  version: number | null;
  compiled: CompiledRuleSet | null;
  checkedAt: number;
}

/**
 * Routes a report by the published rule set (ARCHITECTURE.md §7). The live revision is compiled once
 * and kept per instance; every instance checks the newest revision number every few seconds, so a
 * publish on any instance applies everywhere without a restart. No matching rule → the default
 * category → department table → else manual triage.
 */
@Injectable()
export class RoutingService {
  private readonly logger = new Logger(RoutingService.name);
  private live: Promise<LoadedRuleSet> | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly rules: RoutingRulesRepository,
    private readonly reference: RoutingReferenceRepository,
    private readonly defaultRoutes: DefaultRoutesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Where a report with these facts goes at `at` (the report's time: it decides time facts and effective windows). */
  async route(facts: RoutingFacts, at: Date, source: RuleSetSource = 'live'): Promise<RoutedReport> {
    const loaded = source === 'live' ? await this.current() : await this.draft();
    const { version, compiled } = loaded;
    const evaluation = compiled ? evaluateRules(compiled, facts, at) : null;
    const setName = source === 'live' ? `派单规则第 ${version ?? '-'} 版` : `派单规则草稿（版本 ${version ?? '-'}）`;
    const trace: string[] = [];
    const decision = evaluation?.decision ?? null;
    if (decision) {
      const department = await this.reference.findDepartment(decision.departmentCode);
      trace.push(`${setName}：${evaluation?.explanation ?? ''}`);
      if (department?.active) {
        return {
          ruleSet: { source, version },
          evaluation,
          decision,
          routedBy: 'rule',
          department: { id: department.id, code: department.code, name: department.name },
          categoryCode: decision.categoryCode,
          slaPolicyCode: decision.slaPolicyCode,
          priority: decision.priority ?? 'normal',
          trace,
        };
      }
      trace.push(`规则指定的部门 ${decision.departmentCode} ${department ? '已停用' : '不存在'}，改按默认派单表`);
    } else if (evaluation) {
      trace.push(`${setName}：未命中任何规则（共尝试 ${evaluation.rulesTried} 条）`);
    } else if (version === null) {
      trace.push(source === 'live' ? '尚未发布派单规则' : '没有派单规则草稿');
    } else {
      trace.push(`${setName}数据无效，未能使用`);
    }
    const categoryCode = facts.category ?? null;
    const department = categoryCode ? await this.defaultRoutes.departmentFor(categoryCode) : null;
    trace.push(department ? `默认派单表：${categoryCode} → ${department.name}` : '默认派单表中无对应部门：转人工分拨');
    return {
      ruleSet: { source, version },
      evaluation,
      decision: null,
      routedBy: department ? 'default_table' : 'triage',
      department,
      categoryCode: null,
      slaPolicyCode: null,
      priority: 'normal',
      trace,
    };
  }

  /** Forgets the live set: the next report reloads it (after a publish on this instance). */
  invalidate(): void {
    this.live = null;
  }

  private async current(): Promise<LoadedRuleSet> {
    if (!this.live) {
      const loading = this.loadLive();
      this.live = loading;
      loading.catch(() => {
        if (this.live === loading) this.live = null;
      });
      return loading;
    }
    const loaded = await this.live;
    const stale = Date.now() - loaded.checkedAt > this.config.routing.refreshSeconds * 1000;
    if (stale && !this.refreshing) this.refreshing = this.refresh(loaded).finally(() => (this.refreshing = null));
    return loaded;
  }

  /** One cheap read of the newest revision number; the rules are reloaded only when it moved. */
  private async refresh(loaded: LoadedRuleSet): Promise<void> {
    try {
      const latest = await this.rules.latestRevisionNumber();
      if (latest === loaded.version) {
        loaded.checkedAt = Date.now();
        return;
      }
      const next = await this.loadLive();
      this.live = Promise.resolve(next);
      this.logger.log(`routing rules revision ${next.version ?? 'none'} loaded`);
    } catch (error) {
      this.logger.warn(`routing rules refresh failed, keeping revision ${loaded.version ?? 'none'}: ${String(error)}`);
    }
  }

  private async loadLive(): Promise<LoadedRuleSet> {
    const revision = await this.rules.latestRevision();
    if (!revision) return { version: null, compiled: null, checkedAt: Date.now() };
    return { version: revision.revision, compiled: this.compiled(revision.revision, revision.rules, 'revision'), checkedAt: Date.now() };
  }

  private async draft(): Promise<LoadedRuleSet> {
    const draft = await this.rules.findDraft();
    if (!draft) return { version: null, compiled: null, checkedAt: Date.now() };
    return { version: draft.version, compiled: this.compiled(draft.version, draft.rules, 'draft'), checkedAt: Date.now() };
  }

  /**
   * Stored rules were validated when saved; they are checked again here (shape only) so a row edited
   * by hand cannot break intake: it routes as if no rule matched, and says so in the log.
   */
  private compiled(version: number, json: string, what: string): CompiledRuleSet | null {
    let parsed: unknown;
    try {
      parsed = { version, rules: JSON.parse(json) as unknown };
    } catch {
      parsed = null;
    }
    const result = validateRuleSet(parsed);
    if (!result.ok) {
      this.logger.error(`routing rules ${what} ${version} are not a valid rule set; routing by the default table: ${JSON.stringify(result.errors.slice(0, 3))}`);
      return null;
    }
    return compileRuleSet(result.ruleSet satisfies RuleSet);
  }
}
