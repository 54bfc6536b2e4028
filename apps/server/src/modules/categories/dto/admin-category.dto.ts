import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsOmittable, Trim } from '../../admin/dto/field.decorators';

/** Stable identifiers held by rules, training data and old tickets (see categories.data.ts). */
const CATEGORY_CODE = /^[A-Z][A-Z0-9-]{0,31}$/;
const SLA_POLICY_CODE = /^[A-Z0-9_-]{1,32}$/;
const DEDUPE_RADIUS = { min: 10, max: 1000 } as const;
const KEYWORDS_MAX = 50;
const SORT_ORDER_MAX = 9999;

export class CreateCategoryDto {
  @ApiProperty({ example: 'GY-11', pattern: CATEGORY_CODE.source })
  @Matches(CATEGORY_CODE)
  code!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'GY', description: 'The 大类 of a new 小类; absent for a 大类' })
  @IsOptional()
  @Matches(CATEGORY_CODE)
  parentCode?: string | null;

  @ApiProperty({ example: '充电桩', maxLength: 64 })
  @Trim()
  @IsString()
  @Length(1, 64)
  name!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ type: [String], maxItems: KEYWORDS_MAX })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(KEYWORDS_MAX)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 32, { each: true })
  keywords?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'NORMAL', description: "Default: the 大类's policy" })
  @IsOptional()
  @Matches(SLA_POLICY_CODE)
  slaPolicyCode?: string | null;

  @ApiPropertyOptional({ minimum: DEDUPE_RADIUS.min, maximum: DEDUPE_RADIUS.max, default: 50 })
  @IsOptional()
  @IsInt()
  @Min(DEDUPE_RADIUS.min)
  @Max(DEDUPE_RADIUS.max)
  dedupeRadiusMetres?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: SORT_ORDER_MAX, description: 'Default: after its siblings' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SORT_ORDER_MAX)
  sortOrder?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** The code and the place in the tree never change: tickets and training examples refer to them. */
export class UpdateCategoryDto {
  @ApiPropertyOptional({ maxLength: 64 })
  @IsOmittable()
  @Trim()
  @IsString()
  @Length(1, 64)
  name?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ type: [String], maxItems: KEYWORDS_MAX })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(KEYWORDS_MAX)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 32, { each: true })
  keywords?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null: no policy of its own' })
  @IsOptional()
  @Matches(SLA_POLICY_CODE)
  slaPolicyCode?: string | null;

  @ApiPropertyOptional({ minimum: DEDUPE_RADIUS.min, maximum: DEDUPE_RADIUS.max })
  @IsOmittable()
  @IsInt()
  @Min(DEDUPE_RADIUS.min)
  @Max(DEDUPE_RADIUS.max)
  dedupeRadiusMetres?: number;

  @ApiPropertyOptional({ description: 'false hides it (and a 大类 its 小类) from residents' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: SORT_ORDER_MAX })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(SORT_ORDER_MAX)
  sortOrder?: number;
}

export class AdminCategoryNodeDto {
  @ApiProperty({ example: 'GY-01' })
  code!: string;

  @ApiProperty({ example: '路灯' })
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: [String] })
  keywords!: string[];

  @ApiProperty({ type: String, nullable: true, example: 'PRIORITY' })
  slaPolicyCode!: string | null;

  @ApiProperty({ example: 30 })
  dedupeRadiusMetres!: number;

  @ApiProperty()
  active!: boolean;

  @ApiProperty()
  sortOrder!: number;

  @ApiProperty({ type: () => [AdminCategoryNodeDto], description: '小类 (empty for a 小类 itself)' })
  children!: AdminCategoryNodeDto[];
}
