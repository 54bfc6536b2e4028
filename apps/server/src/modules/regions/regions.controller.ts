import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LocateResult } from '@ssp/contracts';
import { Public } from '../../core/auth/public.decorator';
import { LocateQueryDto, LocateResultDto } from './dto/locate-query.dto';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  // Public so the report form can warn before sign-in that a spot lies outside the city.
  @Public()
  @Get('locate')
  @ApiOperation({ summary: 'Whether a point is in the service area, and its district' })
  @ApiOkResponse({ type: LocateResultDto })
  locate(@Query() query: LocateQueryDto): Promise<LocateResult> {
    return this.regions.locate(query);
  }
}
