import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { SUBCATEGORIES } from '../core/database/seeds/data/categories.data';
import { SLA_POLICIES } from '../core/database/seeds/data/sla-policies.data';
import { demoHistory, type DemoCategory } from './demo-history.util';
import type { RegionSeed } from './region-import.util';
import { SEED_ENTITIES, SeedRepository } from './seed.repository';

const { Category, Department, Ticket, TicketEvent } = SEED_ENTITIES;

export const DEMO_HISTORY_TICKETS = 1500;
export const DEMO_HISTORY_DAYS = 90;

/**
 * The demo city's past (SEED_DEMO_HISTORY): tickets of the last 90 days so the statistics and the
 * dashboard have something to show on a fresh `npm start`. Only into an empty tickets table, in one
 * transaction, so it happens once and never mixes with real work.
 */
@Injectable()
export class DemoHistorySeeder {
  constructor(
    private readonly repository: SeedRepository,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(DemoHistorySeeder.name);
  }

  async run(regions: RegionSeed[], now: Date): Promise<number> {
    const added = await this.repository.inTransaction(async (tx) => {
      if (!(await tx.isEmpty(Ticket))) return 0;
      const categories = await tx.existing(Category, 'code', SUBCATEGORIES.map((c) => c.code));
      const departments = await tx.existing(Department, 'code', SUBCATEGORIES.map((c) => c.defaultDepartmentCode));
      const policies = new Map(SLA_POLICIES.map((policy) => [policy.code, policy]));
      const demoCategories: DemoCategory[] = SUBCATEGORIES.flatMap((seed) => {
        const category = categories.get(seed.code);
        const department = departments.get(seed.defaultDepartmentCode);
        const policy = policies.get(seed.slaPolicyCode);
        if (!category?.active || !department || !policy) return [];
        return [{ id: category.id, name: category.name, keywords: seed.keywords, departmentId: department.id, acceptWithinMinutes: policy.acceptWithinMinutes, resolveWithinHours: policy.resolveWithinHours }];
      });
      const districts = regions.filter((region) => region.level === 'district');
      if (demoCategories.length === 0 || districts.length === 0) return 0;
      const history = demoHistory({ now, count: DEMO_HISTORY_TICKETS, days: DEMO_HISTORY_DAYS, categories: demoCategories, districts });
      await tx.insert(Ticket, history.tickets.map((ticket) => tx.create(Ticket, ticket)));
      await tx.insert(TicketEvent, history.events.map((event) => tx.create(TicketEvent, event)));
      return history.tickets.length;
    });
    if (added > 0) this.logger.info({ tickets: added }, 'demo history seeded');
    return added;
  }
}
