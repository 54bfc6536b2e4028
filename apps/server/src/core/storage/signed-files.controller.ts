import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { SignedFilesService } from './signed-files.service';

/**
 * `GET /api/v1/files/<key>?expires=&sig=`: the local driver's signed links. Public because the
 * signature is the credential (an <image> tag sends no bearer token); an unsigned path serves nothing.
 */
@ApiExcludeController()
@Public()
@Controller('files')
export class SignedFilesController {
  constructor(private readonly files: SignedFilesService) {}

  @Get('*')
  async download(
    @Param('*') key: string,
    @Query('expires') expires: string | string[] | undefined,
    @Query('sig') signature: string | string[] | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.files.open(key, expires, signature);
    void reply.header('cache-control', `private, max-age=${file.maxAgeSeconds}`).header('x-content-type-options', 'nosniff');
    return new StreamableFile(file.body, { type: file.contentType, length: file.size, disposition: 'inline' });
  }
}
