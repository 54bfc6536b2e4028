import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import { AdminOutboxService } from './admin-outbox.service';
import { OutboxMessageDto, OutboxPageDto, OutboxQueryDto } from './dto/outbox-message.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/outbox')
export class AdminOutboxController {
  constructor(private readonly outbox: AdminOutboxService) {}

  @Get()
  @ApiOperation({ summary: 'Outbox messages, newest first; `status=dead` lists the dead letters' })
  @ApiOkResponse({ type: OutboxPageDto })
  list(@Query() query: OutboxQueryDto): Promise<Page<OutboxMessageDto>> {
    return this.outbox.list(query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a dead letter again (fresh attempts, same message id); audited' })
  @ApiOkResponse({ type: OutboxMessageDto })
  retry(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<OutboxMessageDto> {
    return this.outbox.retry(user, id);
  }
}
