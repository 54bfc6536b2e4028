import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../admin/dto/page-query.dto';
import type { AuditAction, AuditSnapshot } from '../entities/audit-entry.entity';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'department', description: 'department, category, user, default_route, sla_policy, region' })
  @IsOptional()
  @Matches(/^[a-z_]{1,32}$/)
  entityType?: string;

  @ApiPropertyOptional({ example: 'CGJ', description: 'The code of the record (the id for users)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/)
  entityId?: string;
}

export class AuditActorDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ type: String, nullable: true })
  username!: string | null;

  @ApiProperty()
  nickname!: string;
}

export class AuditEntryDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ description: 'When the change committed (ISO-8601)' })
  at!: string;

  @ApiProperty({ type: AuditActorDto })
  actor!: AuditActorDto;

  @ApiProperty({ enum: ['create', 'update', 'delete'] })
  action!: AuditAction;

  @ApiProperty({ example: 'department' })
  entityType!: string;

  @ApiProperty({ example: 'CGJ' })
  entityId!: string;

  @ApiProperty({ type: Object, nullable: true, description: 'Changed fields before (null for create); secrets never appear' })
  before!: AuditSnapshot | null;

  @ApiProperty({ type: Object, nullable: true, description: 'Changed fields after (null for delete)' })
  after!: AuditSnapshot | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] })
  items!: AuditEntryDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}
