import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import { SlaPolicyDto, UpdateSlaPolicyDto } from './dto/sla-policy.dto';
import { SlaPoliciesService } from './sla-policies.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/sla-policies')
export class SlaPoliciesController {
  constructor(private readonly policies: SlaPoliciesService) {}

  @Get()
  @ApiOperation({ summary: 'SLA policies (处置时限标准), tightest first' })
  @ApiOkResponse({ type: [SlaPolicyDto] })
  list(): Promise<SlaPolicyDto[]> {
    return this.policies.list();
  }

  @Patch(':code')
  @ApiOperation({ summary: 'Change deadlines, the calendar or the escalation target; applies to tickets dispatched afterwards' })
  @ApiOkResponse({ type: SlaPolicyDto })
  update(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: UpdateSlaPolicyDto): Promise<SlaPolicyDto> {
    return this.policies.update(user, code, body);
  }
}
