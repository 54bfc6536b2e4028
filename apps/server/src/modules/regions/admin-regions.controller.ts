import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import { AdminRegionsService } from './admin-regions.service';
import { RegionImportDto, RegionImportResultDto, RegionSummaryDto } from './dto/region-admin.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/regions')
export class AdminRegionsController {
  constructor(private readonly regions: AdminRegionsService) {}

  @Get()
  @ApiOperation({ summary: 'Every region with its bounding box (outlines left out: they are large)' })
  @ApiOkResponse({ type: [RegionSummaryDto] })
  list(): Promise<RegionSummaryDto[]> {
    return this.regions.list();
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary: "Replace a city's district outlines from a GeoJSON FeatureCollection",
    description:
      'The body is limited to BODY_LIMIT_BYTES (1 MB by default; 413 beyond). Detailed outlines can be larger: ' +
      'raise BODY_LIMIT_BYTES for the import, or load a first city from the server with ' +
      '`npm run seed -- --regions file.geojson --city-code … --city-name …` (which adds missing regions only).',
  })
  @ApiOkResponse({ type: RegionImportResultDto })
  import(@CurrentUser() user: AuthUser, @Body() body: RegionImportDto): Promise<RegionImportResultDto> {
    return this.regions.import(user, body);
  }
}
