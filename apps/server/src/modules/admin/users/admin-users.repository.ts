import { Injectable } from '@nestjs/common';
import type { UserRole } from '@ssp/contracts';
import { DataSource, LessThan, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { forUpdate } from '../row-lock.util';

export type NewUserFields = Pick<User, 'role' | 'username' | 'nickname' | 'departmentId' | 'passwordHash'>;
export type UserChanges = Partial<Pick<User, 'role' | 'nickname' | 'departmentId' | 'active' | 'passwordHash'>>;

export interface UserFilter {
  role?: UserRole;
  departmentCode?: string;
  /** Accounts created before this id (UUIDv7 ids sort by creation time). */
  beforeId?: string;
}

/** Account administration; sign-in and the guard's lookups stay with the users module. */
@Injectable()
export class AdminUsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Newest first. */
  newest(filter: UserFilter, take: number): Promise<User[]> {
    const where: FindOptionsWhere<User> = {
      ...(filter.role !== undefined ? { role: filter.role } : {}),
      ...(filter.departmentCode !== undefined ? { department: { code: filter.departmentCode } } : {}),
      ...(filter.beforeId !== undefined ? { id: LessThan(filter.beforeId) } : {}),
    };
    return this.dataSource.getRepository(User).find({ where, relations: { department: true }, order: { id: 'DESC' }, take });
  }

  findById(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOne({ where: { id }, relations: { department: true } });
  }

  findByUsername(username: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ username });
  }

  lockById(manager: EntityManager, id: string): Promise<User | null> {
    const query = manager
      .getRepository(User)
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.department', 'department')
      .where('user.id = :id', { id });
    return forUpdate(query, manager).getOne();
  }

  async insert(manager: EntityManager, fields: NewUserFields): Promise<User> {
    const repository = manager.getRepository(User);
    const row = repository.create(fields);
    await repository.insert(row);
    return repository.findOneOrFail({ where: { id: row.id }, relations: { department: true } });
  }

  async update(manager: EntityManager, id: string, changes: UserChanges): Promise<User> {
    const repository = manager.getRepository(User);
    if (Object.keys(changes).length > 0) await repository.update({ id }, changes);
    return repository.findOneOrFail({ where: { id }, relations: { department: true } });
  }
}
