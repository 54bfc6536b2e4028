import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthStatus } from '@ssp/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { HealthService } from './health.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The process is up' })
  live(): HealthStatus {
    return { status: 'ok', checks: {} };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'Database reachable and every migration applied' })
  @ApiServiceUnavailableResponse({ description: 'Not ready; checks say why' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthStatus> {
    const status = await this.health.readiness();
    void reply.status(status.status === 'ok' ? 200 : 503);
    return status;
  }
}
