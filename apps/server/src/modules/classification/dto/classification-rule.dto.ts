import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ClassificationRuleInput } from '@ssp/contracts';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsOmittable, Trim } from '../../admin/dto/field.decorators';

const CATEGORY_CODE = /^[A-Z0-9-]{1,32}$/;

export class CreateClassificationRuleDto implements ClassificationRuleInput {
  @ApiProperty({ example: '井盖缺失', maxLength: 50 })
  @Trim()
  @IsString()
  @Length(2, 50)
  keyword!: string;

  @ApiProperty({ example: 'GY-02' })
  @Matches(CATEGORY_CODE)
  categoryCode!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateClassificationRuleDto implements Partial<ClassificationRuleInput> {
  @ApiPropertyOptional({ maxLength: 50 })
  @IsOmittable()
  @Trim()
  @IsString()
  @Length(2, 50)
  keyword?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @Matches(CATEGORY_CODE)
  categoryCode?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;
}
