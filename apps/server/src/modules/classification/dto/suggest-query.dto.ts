import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INTAKE_LIMITS } from '@ssp/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class SuggestQueryDto {
  @ApiProperty({ example: '小区门口井盖没了', maxLength: INTAKE_LIMITS.suggestTextMaxChars })
  @IsString()
  @MinLength(1)
  @MaxLength(INTAKE_LIMITS.suggestTextMaxChars)
  text!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, default: 3 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  limit?: number;
}
