import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, WordRuleView } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import { AdminWordRulesService } from './admin-word-rules.service';
import { CreateWordRuleDto, UpdateWordRuleDto, WordRuleQueryDto } from './dto/word-rule.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/word-rules')
export class AdminWordRulesController {
  constructor(private readonly rules: AdminWordRulesService) {}

  @Get()
  @ApiOperation({ summary: 'The word list of the text filter (block / review / mask / allow)' })
  list(@Query() query: WordRuleQueryDto): Promise<Page<WordRuleView>> {
    return this.rules.list(query);
  }

  @Post()
  @ApiOperation({ summary: 'Add a word; every instance applies it within seconds' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateWordRuleDto): Promise<WordRuleView> {
    return this.rules.create(user, body);
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateWordRuleDto): Promise<WordRuleView> {
    return this.rules.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.rules.remove(user, id);
  }
}
