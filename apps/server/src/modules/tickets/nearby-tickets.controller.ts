import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NearbyTicketsResponse } from '@ssp/contracts';
import { Public } from '../../core/auth/public.decorator';
import { NearbyQueryDto } from './dto/nearby-query.dto';
import { NearbyTicketsService } from './nearby-tickets.service';

@ApiTags('tickets')
@Controller('tickets')
export class NearbyTicketsController {
  constructor(private readonly nearby: NearbyTicketsService) {}

  // Public: residents look around before signing in. Short cache so a busy square costs few queries.
  @Public()
  @Get('nearby')
  @Header('cache-control', 'public, max-age=30')
  @ApiOperation({
    summary: 'Open (and recently resolved) problems near a point: masked text, location rounded to ~100 m, no personal data',
  })
  list(@Query() query: NearbyQueryDto): Promise<NearbyTicketsResponse> {
    return this.nearby.nearby(query);
  }
}
