import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OUTBOX_STATUSES, type OutboxStatus } from '../../../core/outbox/entities/outbox-message.entity';
import { PageQueryDto } from '../../admin/dto/page-query.dto';

export class OutboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES, description: 'dead: the dead letters waiting for an admin' })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES)
  status?: OutboxStatus;
}

export class OutboxMessageDto {
  @ApiProperty({ description: 'The message id receivers see as X-Message-Id' })
  id!: string;

  @ApiProperty({ example: 'department.ticket.dispatched' })
  topic!: string;

  @ApiProperty({ enum: OUTBOX_STATUSES })
  status!: OutboxStatus;

  @ApiProperty({ description: 'Attempts made so far' })
  attempts!: number;

  @ApiProperty({ description: 'When the next attempt is due (pending), or when it was given up (dead)' })
  nextAttemptAt!: string;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true })
  doneAt!: string | null;

  @ApiProperty({ type: Object, description: 'What the message carries (no secrets, no openids)' })
  payload!: Record<string, unknown>;
}

export class OutboxPageDto {
  @ApiProperty({ type: [OutboxMessageDto] })
  items!: OutboxMessageDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}
