import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DepartmentRef } from '@ssp/contracts';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsOmittable } from '../../admin/dto/field.decorators';
import { DEPARTMENT_CODE } from '../../departments/dto/department.dto';

/** A month to sign for and a year to resolve: beyond that a deadline is no deadline. */
const SLA_LIMITS = { acceptWithinMinutes: 43_200, resolveWithinHours: 8_760 } as const;

export class UpdateSlaPolicyDto {
  @ApiPropertyOptional({ minimum: 1, maximum: SLA_LIMITS.acceptWithinMinutes, description: 'Minutes to sign for (签收) after dispatch' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(SLA_LIMITS.acceptWithinMinutes)
  acceptWithinMinutes?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: SLA_LIMITS.resolveWithinHours, description: 'Hours to resolve (办结) after dispatch' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(SLA_LIMITS.resolveWithinHours)
  resolveWithinHours?: number;

  @ApiPropertyOptional({ description: 'Count working hours only (Mon–Fri 9:00–18:00 Beijing time)' })
  @IsOmittable()
  @IsBoolean()
  workingHoursOnly?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'ZHZX', description: 'Who is chased (督办) when overdue; null: nobody' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE)
  escalateToDepartmentCode?: string | null;
}

class SlaDepartmentDto implements DepartmentRef {
  @ApiProperty({ example: 'ZHZX' })
  code!: string;

  @ApiProperty({ example: '南京市数字化城市管理指挥中心' })
  name!: string;
}

export class SlaPolicyDto {
  @ApiProperty({ example: 'NORMAL' })
  code!: string;

  @ApiProperty({ example: '一般' })
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ example: 240 })
  acceptWithinMinutes!: number;

  @ApiProperty({ example: 72 })
  resolveWithinHours!: number;

  @ApiProperty()
  workingHoursOnly!: boolean;

  @ApiProperty({ type: SlaDepartmentDto, nullable: true })
  escalateToDepartment!: SlaDepartmentDto | null;
}
