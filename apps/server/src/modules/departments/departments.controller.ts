import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DepartmentOption } from '@ssp/contracts';
import { Roles } from '../../core/auth/roles.decorator';
import { DepartmentsService } from './departments.service';
import { DepartmentOptionDto } from './dto/department.dto';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Roles('staff', 'admin')
  @Get()
  @ApiOperation({ summary: 'Active departments in pinyin order, for dispatch and transfer pickers' })
  @ApiOkResponse({ type: [DepartmentOptionDto] })
  options(): Promise<DepartmentOption[]> {
    return this.departments.options();
  }
}
