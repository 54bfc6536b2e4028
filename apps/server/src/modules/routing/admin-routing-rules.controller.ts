import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, RoutingRevisionDetail, RoutingRevisionSummary, RoutingRulesDraft, RoutingSimulation } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import { AdminRoutingRulesService } from './admin-routing-rules.service';
import {
  PublishRoutingRulesDto,
  PutRoutingRulesDto,
  RevisionDetailDto,
  RevisionPageDto,
  RevisionQueryDto,
  RollbackRoutingRulesDto,
  RoutingRulesDraftDto,
} from './dto/routing-rules.dto';
import { RoutingSimulationDto, SimulateRoutingDto } from './dto/routing-simulation.dto';
import { RoutingSimulationService } from './routing-simulation.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/routing-rules')
export class AdminRoutingRulesController {
  constructor(
    private readonly rules: AdminRoutingRulesService,
    private readonly simulation: RoutingSimulationService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The draft rule set with its version, and the live revision number' })
  @ApiOkResponse({ type: RoutingRulesDraftDto })
  draft(): Promise<RoutingRulesDraft> {
    return this.rules.draft();
  }

  @Put()
  @ApiOperation({ summary: 'Replace the draft; 400 lists every problem with its path, 409 when `version` is stale' })
  @ApiOkResponse({ type: RoutingRulesDraftDto })
  save(@CurrentUser() user: AuthUser, @Body() body: PutRoutingRulesDto): Promise<RoutingRulesDraft> {
    return this.rules.save(user, body);
  }

  @Post('publish')
  @ApiOperation({ summary: 'Publish the draft as the next revision (dispatch uses it within seconds); 422 when nothing changed' })
  @ApiCreatedResponse({ type: RevisionDetailDto })
  publish(@CurrentUser() user: AuthUser, @Body() body: PublishRoutingRulesDto): Promise<RoutingRevisionDetail> {
    return this.rules.publish(user, body);
  }

  @Post('simulate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dry-run a sample report against the draft or the live set; writes nothing' })
  @ApiOkResponse({ type: RoutingSimulationDto })
  simulate(@Body() body: SimulateRoutingDto): Promise<RoutingSimulation> {
    return this.simulation.simulate(body);
  }

  @Get('revisions')
  @ApiOperation({ summary: 'Published revisions, newest first, with author, time, note and diff summary' })
  @ApiOkResponse({ type: RevisionPageDto })
  revisions(@Query() query: RevisionQueryDto): Promise<Page<RoutingRevisionSummary>> {
    return this.rules.revisions(query);
  }

  @Get('revisions/:n')
  @ApiOperation({ summary: 'One revision with its rules and the diff against the revision before it' })
  @ApiOkResponse({ type: RevisionDetailDto })
  revision(@Param('n', ParseIntPipe) n: number): Promise<RoutingRevisionDetail> {
    return this.rules.revision(n);
  }

  @Post('revisions/:n/rollback')
  @ApiOperation({ summary: 'Publish a copy of revision n as the next revision and reset the draft to it' })
  @ApiCreatedResponse({ type: RevisionDetailDto })
  rollback(@CurrentUser() user: AuthUser, @Param('n', ParseIntPipe) n: number, @Body() body: RollbackRoutingRulesDto): Promise<RoutingRevisionDetail> {
    return this.rules.rollback(user, n, body);
  }
}
