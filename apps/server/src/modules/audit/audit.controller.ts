import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page } from '@ssp/contracts';
import { Roles } from '../../core/auth/roles.decorator';
import { AuditService } from './audit.service';
import { AuditPageDto, AuditQueryDto, type AuditEntryDto } from './dto/audit-entry.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Administrative changes, newest first, optionally of one record' })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    return this.audit.list(query);
  }
}
