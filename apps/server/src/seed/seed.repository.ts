import { Injectable } from '@nestjs/common';
import { DataSource, type DeepPartial, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { Category } from '../modules/categories/entities/category.entity';
import { Department } from '../modules/departments/entities/department.entity';
import { WordRule } from '../modules/filtering/entities/word-rule.entity';
import { Region } from '../modules/regions/entities/region.entity';
import { DefaultRoute } from '../modules/routing/entities/default-route.entity';
import { RoutingRuleDraft } from '../modules/routing/entities/routing-rule-draft.entity';
import { RoutingRuleRevision } from '../modules/routing/entities/routing-rule-revision.entity';
import { SlaPolicy } from '../modules/sla/entities/sla-policy.entity';
import { TicketEvent } from '../modules/tickets/entities/ticket-event.entity';
import { Ticket } from '../modules/tickets/entities/ticket.entity';
import { WorkCalendarDay } from '../modules/sla/entities/work-calendar-day.entity';
import { User } from '../modules/users/entities/user.entity';

/** Rows keyed by a natural key (code, username): the seeder only adds what is missing. */
export type KeyedRows<T> = Map<string, T>;

export interface SeedTransaction {
  existing<T extends ObjectLiteral>(entity: EntityTarget<T>, key: keyof T & string, values: string[]): Promise<KeyedRows<T>>;
  create<T extends ObjectLiteral>(entity: EntityTarget<T>, fields: DeepPartial<T>): T;
  insert<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: T[]): Promise<void>;
  isEmpty(entity: EntityTarget<ObjectLiteral>): Promise<boolean>;
}

export const SEED_ENTITIES = {
  Category,
  DefaultRoute,
  Department,
  Region,
  RoutingRuleDraft,
  RoutingRuleRevision,
  SlaPolicy,
  Ticket,
  TicketEvent,
  User,
  WordRule,
  WorkCalendarDay,
} as const;

/** The seeder's only access to the database: look up by natural key, insert what is missing. */
@Injectable()
export class SeedRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs the whole seed in one transaction, so a failure leaves nothing half-seeded. */
  inTransaction<R>(work: (tx: SeedTransaction) => Promise<R>): Promise<R> {
    return this.dataSource.transaction((manager) => work(this.transactionOf(manager)));
  }

  private transactionOf(manager: EntityManager): SeedTransaction {
    return {
      existing: async (entity, key, values) => {
        if (values.length === 0) return new Map();
        const rows = await manager
          .getRepository(entity)
          .createQueryBuilder('row')
          .where(`row.${key} IN (:...values)`, { values })
          .getMany();
        return new Map(rows.map((row) => [String(row[key]), row]));
      },
      create: (entity, fields) => manager.getRepository(entity).create(fields),
      isEmpty: async (entity) => (await manager.getRepository(entity).count({ take: 1 })) === 0,
      insert: async (entity, rows) => {
        // Chunked so a large city import stays under SQLite's and MySQL's placeholder limits.
        for (let start = 0; start < rows.length; start += 100) {
          await manager.getRepository(entity).insert(rows.slice(start, start + 100));
        }
      },
    };
  }
}
