import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { forUpdate } from '../admin/row-lock.util';
import { SlaPolicy } from './entities/sla-policy.entity';
import { ReferenceDataService } from '../reference/reference-data.service';

export type SlaPolicyChanges = Partial<
  Pick<SlaPolicy, 'acceptWithinMinutes' | 'resolveWithinHours' | 'workingHoursOnly' | 'escalateToDepartmentId'>
>;

@Injectable()
export class SlaPoliciesRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
  ) {}

  /** Reference data (ReferenceDataService) is reloaded after every admin transaction here, committed or not. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work).finally(() => this.reference.invalidate());
  }

  findAll(): Promise<SlaPolicy[]> {
    return this.dataSource.getRepository(SlaPolicy).find({ relations: { escalateToDepartment: true } });
  }

  findByCode(code: string): Promise<SlaPolicy | null> {
    return this.dataSource.getRepository(SlaPolicy).findOneBy({ code });
  }

  lockByCode(manager: EntityManager, code: string): Promise<SlaPolicy | null> {
    const query = manager
      .getRepository(SlaPolicy)
      .createQueryBuilder('policy')
      .leftJoinAndSelect('policy.escalateToDepartment', 'department')
      .where('policy.code = :code', { code });
    return forUpdate(query, manager).getOne();
  }

  async update(manager: EntityManager, id: string, changes: SlaPolicyChanges): Promise<SlaPolicy> {
    const repository = manager.getRepository(SlaPolicy);
    if (Object.keys(changes).length > 0) await repository.update({ id }, changes);
    return repository.findOneOrFail({ where: { id }, relations: { escalateToDepartment: true } });
  }
}
