import { Injectable } from '@nestjs/common';
import { DataSource, LessThan, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { AuditEntry, type AuditAction, type AuditSnapshot } from './entities/audit-entry.entity';

export interface NewAuditEntry {
  actorId: string;
  action: AuditAction;
  entityType: string;
  entityId: string;
  before: AuditSnapshot | null;
  after: AuditSnapshot | null;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  /** Entries strictly older than this id (UUIDv7 ids sort by creation time). */
  beforeId?: string;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Through the caller's manager, so the entry commits or rolls back with the change it describes. */
  async insert(manager: EntityManager, entry: NewAuditEntry): Promise<void> {
    const repository = manager.getRepository(AuditEntry);
    await repository.insert(repository.create(entry));
  }

  /** Newest first, with the actor's public fields. */
  newest(filter: AuditFilter, take: number): Promise<AuditEntry[]> {
    const where: FindOptionsWhere<AuditEntry> = {
      ...(filter.entityType !== undefined ? { entityType: filter.entityType } : {}),
      ...(filter.entityId !== undefined ? { entityId: filter.entityId } : {}),
      ...(filter.beforeId !== undefined ? { id: LessThan(filter.beforeId) } : {}),
    };
    return this.dataSource.getRepository(AuditEntry).find({
      where,
      relations: { actor: true },
      order: { id: 'DESC' },
      take,
    });
  }
}
