import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import { PageQueryDto } from '../admin/dto/page-query.dto';
import { AdminDepartmentsService } from './admin-departments.service';
import { AdminDepartmentDto, AdminDepartmentPageDto, CreateDepartmentDto, UpdateDepartmentDto } from './dto/department.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/departments')
export class AdminDepartmentsController {
  constructor(private readonly departments: AdminDepartmentsService) {}

  @Get()
  @ApiOperation({ summary: 'All departments, active or not, in code order' })
  @ApiOkResponse({ type: AdminDepartmentPageDto })
  list(@Query() query: PageQueryDto): Promise<Page<AdminDepartmentDto>> {
    return this.departments.list(query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a department' })
  @ApiCreatedResponse({ type: AdminDepartmentDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateDepartmentDto): Promise<AdminDepartmentDto> {
    return this.departments.create(user, body);
  }

  @Get(':code')
  @ApiOkResponse({ type: AdminDepartmentDto })
  get(@Param('code') code: string): Promise<AdminDepartmentDto> {
    return this.departments.get(code);
  }

  @Patch(':code')
  @ApiOperation({ summary: 'Change a department; `{ "active": false }` deactivates it' })
  @ApiOkResponse({ type: AdminDepartmentDto })
  update(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: UpdateDepartmentDto): Promise<AdminDepartmentDto> {
    return this.departments.update(user, code, body);
  }

  @Delete(':code')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a department nothing refers to; 409 when it has accounts, tickets or routes' })
  @ApiNoContentResponse()
  remove(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<void> {
    return this.departments.remove(user, code);
  }
}
