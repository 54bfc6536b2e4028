import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RULE_LIMITS, type RoutingRule, type RuleSetDiff } from '@ssp/rules';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../../admin/dto/field.decorators';
import { PageQueryDto } from '../../admin/dto/page-query.dto';
import { AuditActorDto } from '../../audit/dto/audit-entry.dto';

const MAX_VERSION = 2_147_483_647;
const NOTE_MAX = 500;

/** The rules themselves are checked by validateRuleSet, which reports every problem with its path. */
const RULES_SCHEMA = { type: 'array', items: { type: 'object' }, maxItems: RULE_LIMITS.maxRules } as const;

export class PutRoutingRulesDto {
  @ApiProperty({ example: 3, description: 'The draft version this edit started from; a stale one is refused with 409' })
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  version!: number;

  @ApiProperty({ ...RULES_SCHEMA, description: 'The whole rule set (libs/rules RoutingRule[])' })
  @IsArray()
  @ArrayMaxSize(RULE_LIMITS.maxRules)
  rules!: unknown[];
}

export class PublishRoutingRulesDto {
  @ApiProperty({ example: 3, description: 'The draft version being published; a stale one is refused with 409' })
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  version!: number;

  @ApiPropertyOptional({ maxLength: NOTE_MAX, example: '路灯改由各区城管局受理' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(NOTE_MAX)
  note?: string;
}

/** A rollback overwrites the draft too, so it names the draft version it was decided on. */
export class RollbackRoutingRulesDto extends PublishRoutingRulesDto {}

export class RevisionQueryDto extends PageQueryDto {}

export class UnpublishedChangesDto {
  @ApiProperty({ description: 'true when the draft equals the live revision (nothing to publish)' })
  identical!: boolean;

  @ApiProperty({ example: '新增 1 条、删除 0 条、修改 2 条规则' })
  summary!: string;
}

export class RoutingRulesDraftDto {
  @ApiProperty({ example: 4 })
  version!: number;

  @ApiProperty(RULES_SCHEMA)
  rules!: RoutingRule[];

  @ApiProperty()
  updatedAt!: string;

  @ApiProperty({ type: AuditActorDto, nullable: true, description: 'null: written by the system (seed, rollback of the seed)' })
  updatedBy!: AuditActorDto | null;

  @ApiProperty({ type: Number, nullable: true, example: 7, description: 'The revision dispatch uses now; null before the first publish' })
  liveRevision!: number | null;

  @ApiProperty({ type: UnpublishedChangesDto, description: 'The draft compared with the live revision' })
  unpublished!: UnpublishedChangesDto;
}

export class RevisionSummaryDto {
  @ApiProperty({ example: 7 })
  revision!: number;

  @ApiProperty()
  publishedAt!: string;

  @ApiProperty({ type: AuditActorDto, nullable: true, description: 'null: published by the system (the seed)' })
  author!: AuditActorDto | null;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty({ example: '新增 1 条、删除 0 条、修改 2 条规则', description: 'Against the previous revision' })
  summary!: string;

  @ApiProperty()
  added!: number;

  @ApiProperty()
  removed!: number;

  @ApiProperty()
  changed!: number;

  @ApiProperty()
  ruleCount!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Set for a rollback: the revision whose rules were republished' })
  rolledBackFrom!: number | null;

  @ApiProperty({ description: 'true for the revision dispatch uses now' })
  live!: boolean;
}

export class RevisionPageDto {
  @ApiProperty({ type: [RevisionSummaryDto] })
  items!: RevisionSummaryDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class RevisionDetailDto extends RevisionSummaryDto {
  @ApiProperty(RULES_SCHEMA)
  rules!: RoutingRule[];

  @ApiProperty({ type: 'object', description: 'diffRuleSets(previous revision, this one): added, removed, changed rules field by field', additionalProperties: true })
  diff!: RuleSetDiff;
}
