import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@ssp/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../core/auth/public.decorator';
import { DomainError } from '../../core/errors/domain.error';
import { Open311Service } from './open311.service';
import { splitFormat, type Open311Format, type RequestsQuery } from './open311-query.util';
import type { FormFields } from './service-request-form.util';
import { toSparkXml, type SparkValue } from './spark-xml.util';

export const OPEN311_BASE = 'open311/v2';

function formatOf(format: string): Open311Format {
  const lower = format.toLowerCase();
  if (lower !== 'json' && lower !== 'xml') throw new DomainError(ErrorCode.NOT_FOUND, '只支持 .json 和 .xml 两种格式');
  return lower;
}

/** `{id}.{format}` path parameters: the last dot separates the format. */
function fileOf(file: string): { name: string; format: Open311Format } {
  const split = splitFormat(file);
  if (!split) throw new DomainError(ErrorCode.NOT_FOUND, '只支持 .json 和 .xml 两种格式');
  return split;
}

function answer(reply: FastifyReply, format: Open311Format, root: string, value: SparkValue): SparkValue | string {
  if (format === 'json') return value;
  void reply.header('content-type', 'text/xml; charset=utf-8');
  return toSparkXml(root, value);
}

/** Open311 GeoReport v2 (API.md): public reads; POST needs an api_key (checked by the service). */
@ApiTags('open311')
@Public()
@Controller(OPEN311_BASE)
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get('discovery.:format')
  @ApiOperation({ summary: 'Service discovery (GeoReport v2)' })
  async discovery(@Param('format') format: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const kind = formatOf(format);
    const url = `${request.protocol}://${request.host}/${OPEN311_BASE}`;
    return answer(reply, kind, 'discovery', await this.open311.discovery(url));
  }

  @Get('services.:format')
  @ApiOperation({ summary: 'Service list: the 小类 categories' })
  async services(@Param('format') format: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const kind = formatOf(format);
    return answer(reply, kind, 'services', await this.open311.services());
  }

  @Get('services/:file')
  @ApiOperation({ summary: 'Service definition: the extra questions (attributes) of a category' })
  async definition(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { name, format } = fileOf(file);
    return answer(reply, format, 'service_definition', await this.open311.definition(name));
  }

  @Post('requests.:format')
  @ApiOperation({ summary: 'Create a service request (form-encoded, api_key); through the same intake pipeline as the app' })
  async create(@Param('format') format: string, @Body() body: FormFields | undefined, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const kind = formatOf(format);
    if (!request.headers['content-type']?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      throw new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, '请以 application/x-www-form-urlencoded 表单提交');
    }
    return answer(reply, kind, 'service_requests', await this.open311.create(body ?? {}));
  }

  @Get('requests.:format')
  @ApiOperation({ summary: 'Service requests: 90 days / 1000 requests by default; page and page_size' })
  async list(@Param('format') format: string, @Query() query: RequestsQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const kind = formatOf(format);
    return answer(reply, kind, 'service_requests', await this.open311.list(query));
  }

  @Get('requests/:file')
  @ApiOperation({ summary: 'One service request by its id (the ticket number)' })
  async request(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { name, format } = fileOf(file);
    return answer(reply, format, 'service_requests', await this.open311.request(name));
  }

  @Get('tokens/:file')
  @ApiOperation({ summary: 'The service_request_id of a submission that was held for review' })
  async token(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { name, format } = fileOf(file);
    return answer(reply, format, 'service_requests', await this.open311.token(name));
  }
}
