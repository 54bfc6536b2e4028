import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ModerationItem, Page } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import { ModerationDecisionDto, ModerationQueryDto } from './dto/moderation.dto';
import { ModerationService } from './moderation.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/reports')
export class AdminReportsController {
  constructor(private readonly moderation: ModerationService) {}

  @Get()
  @ApiOperation({ summary: 'Reports by intake outcome, newest first; `outcome=review` is the moderation queue' })
  list(@Query() query: ModerationQueryDto): Promise<Page<ModerationItem>> {
    return this.moderation.list(query);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a held report (the pipeline continues) or reject it with a reason the resident reads' })
  decide(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ModerationDecisionDto): Promise<ModerationItem> {
    return this.moderation.decide(user, id, body);
  }
}
