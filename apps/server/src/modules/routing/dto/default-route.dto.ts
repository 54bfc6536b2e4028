import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { DEPARTMENT_CODE, DepartmentOptionDto } from '../../departments/dto/department.dto';

export class PutDefaultRouteDto {
  @ApiProperty({ example: 'LD', description: 'An active department' })
  @Matches(DEPARTMENT_CODE)
  departmentCode!: string;
}

export class DefaultRouteDto {
  @ApiProperty({ example: 'GY-01' })
  categoryCode!: string;

  @ApiProperty({ example: '路灯' })
  categoryName!: string;

  @ApiProperty({ type: String, nullable: true, example: 'GY', description: 'null for a 大类' })
  parentCode!: string | null;

  @ApiProperty({ type: DepartmentOptionDto, nullable: true, description: 'null: no route of its own (a 小类 then uses its 大类\'s)' })
  department!: DepartmentOptionDto | null;
}
