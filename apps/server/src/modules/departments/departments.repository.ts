import { Injectable } from '@nestjs/common';
import { DataSource, MoreThan, type EntityManager } from 'typeorm';
import { forUpdate } from '../admin/row-lock.util';
import { DefaultRoute } from '../routing/entities/default-route.entity';
import { TicketEvent } from '../tickets/entities/ticket-event.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { User } from '../users/entities/user.entity';
import { Department } from './entities/department.entity';
import { ReferenceDataService } from '../reference/reference-data.service';

export type DepartmentFields = Pick<
  Department,
  'code' | 'name' | 'shortName' | 'duties' | 'regionCode' | 'contact' | 'webhookUrl' | 'webhookSecret' | 'active'
>;

/** What still points at a department and would lose its meaning if the row went. */
export interface DepartmentReferences {
  users: number;
  tickets: number;
  defaultRoutes: number;
}

@Injectable()
export class DepartmentsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
  ) {}

  /** Reference data (ReferenceDataService) is reloaded after every admin transaction here, committed or not. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work).finally(() => this.reference.invalidate());
  }

  findByCode(code: string): Promise<Department | null> {
    return this.dataSource.getRepository(Department).findOneBy({ code });
  }

  findActive(): Promise<Pick<Department, 'code' | 'name' | 'shortName'>[]> {
    return this.dataSource.getRepository(Department).find({
      select: { code: true, name: true, shortName: true },
      where: { active: true },
    });
  }

  /** In code order, after `afterCode` when given. */
  page(afterCode: string | undefined, take: number): Promise<Department[]> {
    return this.dataSource.getRepository(Department).find({
      where: afterCode === undefined ? {} : { code: MoreThan(afterCode) },
      order: { code: 'ASC' },
      take,
    });
  }

  lockByCode(manager: EntityManager, code: string): Promise<Department | null> {
    const query = manager.getRepository(Department).createQueryBuilder('department').where('department.code = :code', { code });
    return forUpdate(query, manager).getOne();
  }

  async insert(manager: EntityManager, fields: DepartmentFields): Promise<Department> {
    const repository = manager.getRepository(Department);
    const row = repository.create(fields);
    await repository.insert(row);
    return repository.findOneByOrFail({ id: row.id });
  }

  async update(manager: EntityManager, id: string, fields: Partial<DepartmentFields>): Promise<Department> {
    const repository = manager.getRepository(Department);
    if (Object.keys(fields).length > 0) await repository.update({ id }, fields);
    return repository.findOneByOrFail({ id });
  }

  async remove(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(Department).delete({ id });
  }

  async referencesTo(manager: EntityManager, id: string): Promise<DepartmentReferences> {
    const users = await manager.getRepository(User).countBy({ departmentId: id });
    const tickets = await manager.getRepository(Ticket).countBy({ departmentId: id });
    const events = await manager.getRepository(TicketEvent).countBy({ departmentId: id });
    const defaultRoutes = await manager.getRepository(DefaultRoute).countBy({ departmentId: id });
    // A ticket transferred away still names the department in its history.
    return { users, tickets: tickets + events, defaultRoutes };
  }
}
