import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LocateResult, RegionOutlinesResponse } from '@ssp/contracts';
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

  // Public: the 附近的问题 map and the admin dashboard draw the districts without online map tiles.
  @Public()
  @Get('outlines')
  @Header('cache-control', 'public, max-age=600')
  @ApiOperation({ summary: 'District outlines simplified for drawing (GCJ-02 [lng, lat] rings) and their bounds' })
  outlines(): Promise<RegionOutlinesResponse> {
    return this.regions.drawableOutlines();
  }
}
