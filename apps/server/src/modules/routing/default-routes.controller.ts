import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import { DefaultRoutesService } from './default-routes.service';
import { DefaultRouteDto, PutDefaultRouteDto } from './dto/default-route.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/default-routes')
export class DefaultRoutesController {
  constructor(private readonly routes: DefaultRoutesService) {}

  @Get()
  @ApiOperation({ summary: 'Each active category (大类, then its 小类) with the department it is routed to, or null' })
  @ApiOkResponse({ type: [DefaultRouteDto] })
  list(): Promise<DefaultRouteDto[]> {
    return this.routes.list();
  }

  @Put(':categoryCode')
  @ApiOperation({ summary: 'Route a category to a department' })
  @ApiOkResponse({ type: DefaultRouteDto })
  put(
    @CurrentUser() user: AuthUser,
    @Param('categoryCode') categoryCode: string,
    @Body() body: PutDefaultRouteDto,
  ): Promise<DefaultRouteDto> {
    return this.routes.put(user, categoryCode, body.departmentCode);
  }

  @Delete(':categoryCode')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove a category's route (a 小类 then follows its 大类; with neither, reports go to triage)" })
  @ApiNoContentResponse()
  remove(@CurrentUser() user: AuthUser, @Param('categoryCode') categoryCode: string): Promise<void> {
    return this.routes.remove(user, categoryCode);
  }
}
