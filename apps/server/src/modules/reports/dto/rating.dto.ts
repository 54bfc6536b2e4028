import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RatingRequest } from '@ssp/contracts';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class RatingDto implements RatingRequest {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @ApiPropertyOptional({ maxLength: 500, description: 'Required when reopen is true' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;

  @ApiPropertyOptional({ description: 'Not satisfied: send the work back to the department (不满意重办)' })
  @IsOptional()
  @IsBoolean()
  reopen?: boolean;
}
