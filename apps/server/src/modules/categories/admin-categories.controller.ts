import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import { AdminCategoriesService } from './admin-categories.service';
import { AdminCategoryNodeDto, CreateCategoryDto, UpdateCategoryDto } from './dto/admin-category.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/categories')
export class AdminCategoriesController {
  constructor(private readonly categories: AdminCategoriesService) {}

  @Get()
  @ApiOperation({ summary: 'The whole category tree, inactive nodes included' })
  @ApiOkResponse({ type: [AdminCategoryNodeDto] })
  tree(): Promise<AdminCategoryNodeDto[]> {
    return this.categories.tree();
  }

  @Post()
  @ApiOperation({ summary: 'Create a 大类, or a 小类 under `parentCode` (two levels only)' })
  @ApiCreatedResponse({ type: AdminCategoryNodeDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCategoryDto): Promise<AdminCategoryNodeDto> {
    return this.categories.create(user, body);
  }

  @Patch(':code')
  @ApiOkResponse({ type: AdminCategoryNodeDto })
  update(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: UpdateCategoryDto): Promise<AdminCategoryNodeDto> {
    return this.categories.update(user, code, body);
  }
}
