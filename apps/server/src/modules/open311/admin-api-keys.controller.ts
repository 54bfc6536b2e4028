import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApiKeyView, CreatedApiKey, Page } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import { AdminApiKeysService } from './admin-api-keys.service';
import { ApiKeyQueryDto, CreateApiKeyDto, UpdateApiKeyDto } from './dto/api-key.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/api-keys')
export class AdminApiKeysController {
  constructor(private readonly keys: AdminApiKeysService) {}

  @Get()
  @ApiOperation({ summary: 'Open311 API keys, newest first (never the secrets)' })
  list(@Query() query: ApiKeyQueryDto): Promise<Page<ApiKeyView>> {
    return this.keys.list(query);
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ApiKeyView> {
    return this.keys.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Issue a key; the secret (`apiKey`) is in this answer only' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateApiKeyDto): Promise<CreatedApiKey> {
    return this.keys.create(user, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a key or change the service codes it may submit' })
  update(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateApiKeyDto): Promise<ApiKeyView> {
    return this.keys.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key: it stops working at once' })
  revoke(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.keys.revoke(user, id);
  }
}
