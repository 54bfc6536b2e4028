import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  WORD_RULE_CATEGORIES,
  WORD_RULE_LEVELS,
  WORD_RULE_MATCH_MODES,
  type WordRuleCategory,
  type WordRuleInput,
  type WordRuleLevel,
  type WordRuleMatchMode,
} from '@ssp/contracts';
import { IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsOmittable, Trim } from '../../admin/dto/field.decorators';
import { PageQueryDto } from '../../admin/dto/page-query.dto';

export class CreateWordRuleDto implements WordRuleInput {
  @ApiProperty({ example: '加微信', maxLength: 64 })
  @Trim()
  @IsString()
  @Length(1, 64)
  pattern!: string;

  @ApiProperty({ enum: WORD_RULE_LEVELS, description: 'block 拦截 · review 转人工审核 · mask 打码显示 · allow 白名单' })
  @IsIn(WORD_RULE_LEVELS)
  level!: WordRuleLevel;

  @ApiProperty({ enum: WORD_RULE_CATEGORIES })
  @IsIn(WORD_RULE_CATEGORIES)
  category!: WordRuleCategory;

  @ApiPropertyOptional({ enum: WORD_RULE_MATCH_MODES, default: 'substring', description: 'word: only as a whole word, not inside longer words' })
  @IsOptional()
  @IsIn(WORD_RULE_MATCH_MODES)
  matchMode?: WordRuleMatchMode;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  note?: string | null;
}

export class UpdateWordRuleDto implements Partial<WordRuleInput> {
  @ApiPropertyOptional({ maxLength: 64 })
  @IsOmittable()
  @Trim()
  @IsString()
  @Length(1, 64)
  pattern?: string;

  @ApiPropertyOptional({ enum: WORD_RULE_LEVELS })
  @IsOmittable()
  @IsIn(WORD_RULE_LEVELS)
  level?: WordRuleLevel;

  @ApiPropertyOptional({ enum: WORD_RULE_CATEGORIES })
  @IsOmittable()
  @IsIn(WORD_RULE_CATEGORIES)
  category?: WordRuleCategory;

  @ApiPropertyOptional({ enum: WORD_RULE_MATCH_MODES })
  @IsOmittable()
  @IsIn(WORD_RULE_MATCH_MODES)
  matchMode?: WordRuleMatchMode;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  note?: string | null;
}

export class WordRuleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WORD_RULE_LEVELS })
  @IsOptional()
  @IsIn(WORD_RULE_LEVELS)
  level?: WordRuleLevel;

  @ApiPropertyOptional({ description: 'part of the pattern', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;
}
