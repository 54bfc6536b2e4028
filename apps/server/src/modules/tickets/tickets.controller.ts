import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TicketDetail, TicketPage } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import { TicketActionDto } from './dto/ticket-action.dto';
import { TicketQueryDto } from './dto/ticket-query.dto';
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@ApiBearerAuth()
@Roles('staff', 'admin')
@Controller('tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  @ApiOperation({ summary: 'Staff: their department’s tickets; admin: all. Sorted by deadline; cursor paging' })
  list(@CurrentUser() user: AuthUser, @Query() query: TicketQueryDto): Promise<TicketPage> {
    return this.tickets.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A ticket with its reports’ photos, its events and the actions the caller may take' })
  detail(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<TicketDetail> {
    return this.tickets.detail(user, id);
  }

  @Post(':id/actions')
  @HttpCode(200)
  @ApiOperation({ summary: 'An action of the transition table; `version` must be the one last read (else 409)' })
  act(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: TicketActionDto,
  ): Promise<TicketDetail> {
    return this.tickets.act(user, id, body);
  }
}
