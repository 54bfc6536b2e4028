import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_LIMITS } from '@ssp/contracts';
import { RULE_PRIORITIES, type RulePriority, type RuleTraceEntry } from '@ssp/rules';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ReportLocationDto } from '../../reports/dto/create-report.dto';
import type { RoutedBy, RuleSetSource } from '../routing.service';

const RULE_SET_SOURCES: readonly RuleSetSource[] = ['draft', 'live'];

export class SimulateRoutingDto {
  @ApiProperty({ maxLength: REPORT_LIMITS.descriptionMaxChars, example: '小区门口的路灯坏了，晚上一片漆黑' })
  @IsString()
  @MinLength(1)
  @MaxLength(REPORT_LIMITS.descriptionMaxChars)
  description!: string;

  @ApiProperty({ type: ReportLocationDto })
  @ValidateNested()
  @Type(() => ReportLocationDto)
  location!: ReportLocationDto;

  @ApiPropertyOptional({ example: 'GY-01', description: "The resident's choice; without it the classifier decides, as in intake" })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{1,32}$/)
  categoryCode?: string;

  @ApiPropertyOptional({ enum: RULE_SET_SOURCES, default: 'draft', description: 'Evaluate the draft (default) or the live revision' })
  @IsOptional()
  @IsIn(RULE_SET_SOURCES)
  rules?: RuleSetSource;

  @ApiPropertyOptional({ example: '2026-03-10T23:00:00+08:00', description: 'When the report is made (time facts, effective windows); default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  at?: string;
}

export class SimulatedCodeNameDto {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;
}

export class SimulatedClassificationDto extends SimulatedCodeNameDto {
  @ApiProperty()
  confidence!: number;

  @ApiProperty({ enum: ['resident', 'keyword_rule', 'model'] })
  source!: 'resident' | 'keyword_rule' | 'model';

  @ApiProperty({ description: 'false: below the confidence threshold, the report would go without a category' })
  accepted!: boolean;
}

export class SimulatedRegionDto extends SimulatedCodeNameDto {}

export class MatchedRuleDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  order!: number;
}

export class SimulatedRuleSetDto {
  @ApiProperty({ enum: RULE_SET_SOURCES })
  source!: RuleSetSource;

  @ApiProperty({ type: Number, nullable: true, description: 'Revision number (live) or draft version' })
  version!: number | null;
}

export class RoutingSimulationDto {
  @ApiProperty({ type: SimulatedCodeNameDto, nullable: true, description: 'The category the ticket would have (after a rule reclassified it)' })
  category!: SimulatedCodeNameDto | null;

  @ApiProperty({ type: SimulatedClassificationDto, nullable: true })
  classification!: SimulatedClassificationDto | null;

  @ApiProperty({ type: SimulatedRegionDto, nullable: true, description: 'The district of the location' })
  region!: SimulatedRegionDto | null;

  @ApiProperty({ description: 'false: intake would reject the report as outside the service area' })
  inServiceArea!: boolean;

  @ApiProperty({ type: SimulatedCodeNameDto, nullable: true, description: 'null: manual triage (人工分拨)' })
  department!: SimulatedCodeNameDto | null;

  @ApiProperty({ type: SimulatedCodeNameDto, nullable: true, description: 'The SLA policy the deadlines would come from; null for triage' })
  slaPolicy!: SimulatedCodeNameDto | null;

  @ApiProperty({ enum: RULE_PRIORITIES })
  priority!: RulePriority;

  @ApiProperty({ enum: ['rule', 'default_table', 'triage'] })
  routedBy!: RoutedBy;

  @ApiProperty({ type: MatchedRuleDto, nullable: true })
  matchedRule!: MatchedRuleDto | null;

  @ApiProperty({ type: SimulatedRuleSetDto })
  ruleSet!: SimulatedRuleSetDto;

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Every rule tried, with its condition tree (libs/rules RuleTraceEntry)' })
  trace!: readonly RuleTraceEntry[];

  @ApiProperty({ description: 'Why this department, in one line' })
  explanation!: string;

  @ApiProperty({ type: [String], description: 'The lines the dispatch event would store' })
  steps!: string[];

  @ApiProperty()
  at!: string;
}
