import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_OUTCOMES, type ModerationDecision, type ModerationDecisionRequest, type ReportOutcome } from '@ssp/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../admin/dto/field.decorators';
import { CursorQueryDto } from './cursor-query.dto';

export class ModerationQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ enum: REPORT_OUTCOMES, default: 'review' })
  @IsOptional()
  @IsIn(REPORT_OUTCOMES)
  outcome?: ReportOutcome;
}

export class ModerationDecisionDto implements ModerationDecisionRequest {
  @ApiProperty({ enum: ['accept', 'reject'] })
  @IsIn(['accept', 'reject'])
  decision!: ModerationDecision;

  @ApiPropertyOptional({ description: 'reject: the reason the resident reads (required)', maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({ description: 'accept: the category to use', example: 'GY-02' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{1,32}$/)
  categoryCode?: string;
}
