import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page } from '@ssp/contracts';
import type { AuthUser } from '../../../core/auth/auth-user';
import { CurrentUser } from '../../../core/auth/current-user.decorator';
import { Roles } from '../../../core/auth/roles.decorator';
import { AdminUsersService } from './admin-users.service';
import { AdminUserDto, AdminUserPageDto, AdminUserQueryDto, CreateUserDto, UpdateUserDto } from './dto/admin-user.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  @ApiOperation({ summary: 'Accounts, newest first, by role and/or department' })
  @ApiOkResponse({ type: AdminUserPageDto })
  list(@Query() query: AdminUserQueryDto): Promise<Page<AdminUserDto>> {
    return this.users.list(query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a staff or admin account with an initial password' })
  @ApiCreatedResponse({ type: AdminUserDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateUserDto): Promise<AdminUserDto> {
    return this.users.create(user, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: AdminUserDto })
  get(@Param('id') id: string): Promise<AdminUserDto> {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, change role or department, (de)activate, or reset the password; never of oneself to lose admin' })
  @ApiOkResponse({ type: AdminUserDto })
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: UpdateUserDto): Promise<AdminUserDto> {
    return this.users.update(user, id, body);
  }
}
