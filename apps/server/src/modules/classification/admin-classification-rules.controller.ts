import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ClassificationRuleView } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import { AdminClassificationRulesService } from './admin-classification-rules.service';
import { CreateClassificationRuleDto, UpdateClassificationRuleDto } from './dto/classification-rule.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/classification-rules')
export class AdminClassificationRulesController {
  constructor(private readonly rules: AdminClassificationRulesService) {}

  @Get()
  @ApiOperation({ summary: 'Keyword → category rules that override the classifier' })
  list(): Promise<ClassificationRuleView[]> {
    return this.rules.list();
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateClassificationRuleDto): Promise<ClassificationRuleView> {
    return this.rules.create(user, body);
  }

  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateClassificationRuleDto,
  ): Promise<ClassificationRuleView> {
    return this.rules.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.rules.remove(user, id);
  }
}
