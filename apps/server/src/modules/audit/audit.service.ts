import { Injectable } from '@nestjs/common';
import { ErrorCode, type Page } from '@ssp/contracts';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../core/errors/domain.error';
import { PAGE_LIMIT } from '../admin/dto/page-query.dto';
import { decodeCursor, toPage } from '../admin/page.util';
import { changedFields, redactSnapshot } from './audit-snapshot.util';
import { AuditRepository } from './audit.repository';
import type { AuditEntryDto, AuditQueryDto } from './dto/audit-entry.dto';
import type { AuditAction, AuditEntry, AuditSnapshot } from './entities/audit-entry.entity';

function toView(entry: AuditEntry): AuditEntryDto {
  return {
    id: entry.id,
    at: entry.createdAt.toISOString(),
    actor: { id: entry.actorId, username: entry.actor?.username ?? null, nickname: entry.actor?.nickname ?? '' },
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
  };
}

/** The trail of administrative changes (ARCHITECTURE.md §10: every admin change is audited). */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  /**
   * Writes one entry inside the caller's transaction. Secrets are stripped; an update keeps only the
   * fields it changed, and an update that changed nothing is not recorded, so no-op saves do not
   * bury the real changes.
   */
  async record(
    manager: EntityManager,
    actorId: string,
    action: AuditAction,
    entityType: string,
    entityId: string,
    before: AuditSnapshot | null,
    after: AuditSnapshot | null,
  ): Promise<void> {
    const redacted = { before: before && redactSnapshot(before), after: after && redactSnapshot(after) };
    let kept: { before: AuditSnapshot | null; after: AuditSnapshot | null } = redacted;
    if (redacted.before && redacted.after) {
      kept = changedFields(redacted.before, redacted.after);
      if (Object.keys(kept.after ?? {}).length === 0 && Object.keys(kept.before ?? {}).length === 0) return;
    }
    await this.repository.insert(manager, { actorId, action, entityType, entityId, ...kept });
  }

  async list(query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    const limit = query.limit ?? PAGE_LIMIT.default;
    const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (beforeId === null) throw new DomainError(ErrorCode.VALIDATION_FAILED, '分页游标无效');
    const rows = await this.repository.newest({ entityType: query.entityType, entityId: query.entityId, beforeId }, limit + 1);
    return toPage(rows, limit, (row) => row.id, toView);
  }
}
