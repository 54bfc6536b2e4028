import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { hashPassword } from '../core/auth/password.util';
import { CATEGORIES, SUBCATEGORIES } from '../core/database/seeds/data/categories.data';
import { DEMO_ACCOUNTS } from '../core/database/seeds/data/demo-accounts.data';
import { DEPARTMENTS } from '../core/database/seeds/data/departments.data';
import { ROUTING_RULE_SET } from '../core/database/seeds/data/routing-rules.data';
import { SERVICE_DEFINITIONS } from '../core/database/seeds/data/service-definitions.data';
import { SLA_POLICIES } from '../core/database/seeds/data/sla-policies.data';
import { WORK_CALENDAR_DAYS } from '../core/database/seeds/data/work-calendar.data';
import { diffRuleSets } from '@ssp/rules';
import { DEFAULT_WORD_RULES } from '@ssp/text';
import { DRAFT_SLOT } from '../modules/routing/entities/routing-rule-draft.entity';
import type { RegionSeed } from './region-import.util';
import { SEED_ENTITIES, SeedRepository, type SeedTransaction } from './seed.repository';

const { Category, DefaultRoute, Department, Region, RoutingRuleDraft, RoutingRuleRevision, SlaPolicy, User, WordRule, WorkCalendarDay } = SEED_ENTITIES;

export interface SeedOptions {
  regions: RegionSeed[];
  /** Password for the demo staff/admin accounts; none are created without it. */
  demoPassword?: string;
}

export type SeedSummary = Record<
  'departments' | 'slaPolicies' | 'workCalendarDays' | 'categories' | 'defaultRoutes' | 'regions' | 'routingRules' | 'wordRules' | 'users',
  number
>;

function requireId(map: Map<string, { id: string }>, code: string, what: string): string {
  const row = map.get(code);
  if (!row) throw new Error(`seed data refers to an unknown ${what} ${code}`);
  return row.id;
}

/**
 * Loads the city's reference data and, in embedded mode, the demo accounts. Idempotent: rows are
 * matched on their natural key and only missing ones are added, so an admin's later edits survive a
 * restart and a second run adds nothing.
 */
@Injectable()
export class SeedService {
  constructor(
    private readonly repository: SeedRepository,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(SeedService.name);
  }

  async run(options: SeedOptions): Promise<SeedSummary> {
    const passwordHash = options.demoPassword ? await hashPassword(options.demoPassword) : undefined;
    const summary = await this.repository.inTransaction(async (tx) => ({
      departments: await this.seedDepartments(tx),
      slaPolicies: await this.seedSlaPolicies(tx),
      workCalendarDays: await this.seedWorkCalendar(tx),
      categories: await this.seedCategories(tx),
      defaultRoutes: await this.seedDefaultRoutes(tx),
      regions: await this.seedRegions(tx, options.regions),
      routingRules: await this.seedRoutingRules(tx),
      wordRules: await this.seedWordRules(tx),
      users: passwordHash ? await this.seedDemoAccounts(tx, passwordHash) : 0,
    }));
    this.logger.info({ added: summary }, 'seed finished');
    return summary;
  }

  /**
   * The shipped word list goes in once, into an empty table: after that the list is the admins', and
   * a rule they deleted as a false positive must not come back on the next start.
   */
  private async seedWordRules(tx: SeedTransaction): Promise<number> {
    if (!(await tx.isEmpty(WordRule))) return 0;
    const rows = DEFAULT_WORD_RULES.map((rule) =>
      tx.create(WordRule, {
        pattern: rule.pattern,
        level: rule.level,
        category: rule.category,
        matchMode: rule.matchMode ?? 'substring',
        enabled: true,
        note: '系统默认词条',
      }),
    );
    await tx.insert(WordRule, rows);
    return rows.length;
  }

  /**
   * The city's rule set is published as revision 1 by the system and copied to the draft, once: after
   * that the history is the admins' (an empty revisions table is the only trigger).
   */
  private async seedRoutingRules(tx: SeedTransaction): Promise<number> {
    const rules = JSON.stringify(ROUTING_RULE_SET.rules);
    let added = 0;
    if (await tx.isEmpty(RoutingRuleRevision)) {
      const diff = diffRuleSets({ version: 0, rules: [] }, ROUTING_RULE_SET);
      await tx.insert(RoutingRuleRevision, [
        tx.create(RoutingRuleRevision, {
          revision: 1,
          rules,
          ruleCount: ROUTING_RULE_SET.rules.length,
          authorId: null,
          note: '系统初始派单规则',
          diffSummary: diff.summary,
          addedCount: diff.added.length,
          removedCount: 0,
          changedCount: 0,
          rolledBackFrom: null,
        }),
      ]);
      added = ROUTING_RULE_SET.rules.length;
    }
    if (await tx.isEmpty(RoutingRuleDraft)) {
      await tx.insert(RoutingRuleDraft, [tx.create(RoutingRuleDraft, { slot: DRAFT_SLOT, rules, version: 1, updatedById: null })]);
    }
    return added;
  }

  private async seedDepartments(tx: SeedTransaction): Promise<number> {
    const existing = await tx.existing(Department, 'code', DEPARTMENTS.map((d) => d.code));
    const missing = DEPARTMENTS.filter((d) => !existing.has(d.code)).map((d) =>
      tx.create(Department, {
        code: d.code,
        name: d.name,
        shortName: d.shortName,
        duties: d.duties,
        regionCode: d.regionCode,
        contact: d.contact,
      }),
    );
    await tx.insert(Department, missing);
    return missing.length;
  }

  private async seedSlaPolicies(tx: SeedTransaction): Promise<number> {
    const departments = await tx.existing(
      Department,
      'code',
      SLA_POLICIES.flatMap((p) => (p.escalateToDepartmentCode ? [p.escalateToDepartmentCode] : [])),
    );
    const existing = await tx.existing(SlaPolicy, 'code', SLA_POLICIES.map((p) => p.code));
    const missing = SLA_POLICIES.filter((p) => !existing.has(p.code)).map((p) =>
      tx.create(SlaPolicy, {
        code: p.code,
        name: p.name,
        description: p.description,
        acceptWithinMinutes: p.acceptWithinMinutes,
        resolveWithinHours: p.resolveWithinHours,
        workingHoursOnly: p.workingHoursOnly,
        escalateToDepartmentId: p.escalateToDepartmentCode
          ? requireId(departments, p.escalateToDepartmentCode, 'department')
          : null,
      }),
    );
    await tx.insert(SlaPolicy, missing);
    return missing.length;
  }

  /** Holidays and 调休 workdays go into an empty table once; after that the calendar is the admins'. */
  private async seedWorkCalendar(tx: SeedTransaction): Promise<number> {
    if (!(await tx.isEmpty(WorkCalendarDay))) return 0;
    await tx.insert(
      WorkCalendarDay,
      WORK_CALENDAR_DAYS.map((day) => tx.create(WorkCalendarDay, { date: day.date, kind: day.kind, name: day.name })),
    );
    return WORK_CALENDAR_DAYS.length;
  }

  private async seedCategories(tx: SeedTransaction): Promise<number> {
    const policies = await tx.existing(SlaPolicy, 'code', SLA_POLICIES.map((p) => p.code));
    const allCodes = CATEGORIES.flatMap((top) => [top.code, ...top.children.map((child) => child.code)]);
    const existing = await tx.existing(Category, 'code', allCodes);
    const rows: InstanceType<typeof Category>[] = [];
    CATEGORIES.forEach((top, topIndex) => {
      const parent =
        existing.get(top.code) ??
        tx.create(Category, {
          code: top.code,
          name: top.name,
          description: top.description,
          parentId: null,
          sortOrder: topIndex,
          keywords: [...top.keywords],
          slaPolicyId: requireId(policies, top.slaPolicyCode, 'SLA policy'),
          dedupeRadiusMetres: top.dedupeRadiusMetres,
        });
      if (!existing.has(top.code)) rows.push(parent);
      top.children.forEach((child, childIndex) => {
        if (existing.has(child.code)) return;
        rows.push(
          tx.create(Category, {
            code: child.code,
            name: child.name,
            description: child.description,
            parentId: parent.id,
            sortOrder: childIndex,
            keywords: [...child.keywords],
            slaPolicyId: requireId(policies, child.slaPolicyCode, 'SLA policy'),
            dedupeRadiusMetres: child.dedupeRadiusMetres,
            serviceAttributes: SERVICE_DEFINITIONS[child.code] ? [...SERVICE_DEFINITIONS[child.code]] : null,
          }),
        );
      });
    });
    await tx.insert(Category, rows);
    return rows.length;
  }

  /**
   * Each 小类 is routed to the department the reference data names, so a report can be dispatched
   * from the first start. Like every other seed row, a route is only added when the category has none.
   */
  private async seedDefaultRoutes(tx: SeedTransaction): Promise<number> {
    const departments = await tx.existing(Department, 'code', SUBCATEGORIES.map((c) => c.defaultDepartmentCode));
    const categories = await tx.existing(Category, 'code', SUBCATEGORIES.map((c) => c.code));
    const routed = await tx.existing(DefaultRoute, 'categoryId', [...categories.values()].map((c) => c.id));
    const missing = SUBCATEGORIES.flatMap((c) => {
      const category = categories.get(c.code);
      if (!category || routed.has(category.id)) return [];
      const departmentId = requireId(departments, c.defaultDepartmentCode, 'department');
      return [tx.create(DefaultRoute, { categoryId: category.id, departmentId })];
    });
    await tx.insert(DefaultRoute, missing);
    return missing.length;
  }

  private async seedRegions(tx: SeedTransaction, regions: RegionSeed[]): Promise<number> {
    const existing = await tx.existing(Region, 'code', regions.map((r) => r.code));
    const missing = regions
      .filter((r) => !existing.has(r.code))
      .map((r) =>
        tx.create(Region, {
          code: r.code,
          name: r.name,
          level: r.level,
          parentCode: r.parentCode,
          geometry: JSON.stringify(r.geometry),
          bbox: r.bbox,
        }),
      );
    await tx.insert(Region, missing);
    return missing.length;
  }

  private async seedDemoAccounts(tx: SeedTransaction, passwordHash: string): Promise<number> {
    const departments = await tx.existing(
      Department,
      'code',
      DEMO_ACCOUNTS.flatMap((a) => (a.departmentCode ? [a.departmentCode] : [])),
    );
    const existing = await tx.existing(User, 'username', DEMO_ACCOUNTS.map((a) => a.username));
    const missing = DEMO_ACCOUNTS.filter((a) => !existing.has(a.username)).map((a) =>
      tx.create(User, {
        role: a.role,
        username: a.username,
        nickname: a.displayName,
        passwordHash,
        departmentId: a.departmentCode ? requireId(departments, a.departmentCode, 'department') : null,
      }),
    );
    await tx.insert(User, missing);
    return missing.length;
  }
}
