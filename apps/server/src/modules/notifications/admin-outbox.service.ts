import { Injectable } from '@nestjs/common';
import { ErrorCode, type Page } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { DomainError, NotFoundError } from '../../core/errors/domain.error';
import type { OutboxMessage } from '../../core/outbox/entities/outbox-message.entity';
import { OutboxRepository } from '../../core/outbox/outbox.repository';
import { PAGE_LIMIT } from '../admin/dto/page-query.dto';
import { decodeCursor, toPage } from '../admin/page.util';
import { AuditService } from '../audit/audit.service';
import type { OutboxMessageDto, OutboxQueryDto } from './dto/outbox-message.dto';

const ENTITY = 'outbox_message';

function toView(message: OutboxMessage): OutboxMessageDto {
  return {
    id: message.id,
    topic: message.topic,
    status: message.status,
    attempts: message.attempts,
    nextAttemptAt: message.nextAttemptAt.toISOString(),
    lastError: message.lastError,
    createdAt: message.createdAt.toISOString(),
    doneAt: message.doneAt?.toISOString() ?? null,
    payload: message.payload,
  };
}

/** Dead letters for admins: see what could not be delivered and why, send it again (audited). */
@Injectable()
export class AdminOutboxService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: OutboxQueryDto): Promise<Page<OutboxMessageDto>> {
    const limit = query.limit ?? PAGE_LIMIT.default;
    const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (beforeId === null) throw new DomainError(ErrorCode.VALIDATION_FAILED, '分页游标无效');
    const rows = await this.outbox.page({ status: query.status, beforeId, limit: limit + 1 });
    return toPage(rows, limit, (row) => row.id, toView);
  }

  /** Puts a dead letter back in the queue with fresh attempts; 409 for one that is not dead. */
  async retry(actor: AuthUser, id: string, now = new Date()): Promise<OutboxMessageDto> {
    const revived = await this.outbox.transaction(async (manager) => {
      const current = await this.outbox.findById(id, manager);
      if (!current) throw new NotFoundError('消息');
      if (!(await this.outbox.revive(manager, id, now))) {
        throw new DomainError(ErrorCode.CONFLICT, '只有投递失败（dead）的消息可以重试', { status: current.status });
      }
      await this.audit.record(
        manager,
        actor.id,
        'update',
        ENTITY,
        id,
        { status: current.status, attempts: current.attempts, lastError: current.lastError },
        { status: 'pending', attempts: 0, lastError: current.lastError },
      );
      return this.outbox.findById(id, manager);
    });
    if (!revived) throw new NotFoundError('消息');
    return toView(revived);
  }
}
