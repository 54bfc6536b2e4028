import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import { AdminServiceDefinitionsService } from './admin-service-definitions.service';
import { PutServiceDefinitionDto, type ServiceDefinitionView } from './dto/service-definition.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/service-definitions')
export class AdminServiceDefinitionsController {
  constructor(private readonly definitions: AdminServiceDefinitionsService) {}

  @Get(':code')
  @ApiOperation({ summary: 'The extra questions (Open311 service definition) of a 小类' })
  get(@Param('code') code: string): Promise<ServiceDefinitionView> {
    return this.definitions.get(code);
  }

  @Put(':code')
  @ApiOperation({ summary: 'Replace the extra questions of a 小类; an empty list removes them' })
  put(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: PutServiceDefinitionDto): Promise<ServiceDefinitionView> {
    return this.definitions.put(user, code, body.attributes);
  }
}
