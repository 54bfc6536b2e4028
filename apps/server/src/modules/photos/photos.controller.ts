import { Controller, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PhotoView } from '@ssp/contracts';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { PhotoViewDto } from './dto/photo-view.dto';
import { readSingleUpload, UPLOAD_FIELD } from './photo-upload.util';
import { PhotosService } from './photos.service';

@ApiTags('photos')
@ApiBearerAuth()
@Controller('photos')
export class PhotosController {
  constructor(
    private readonly photos: PhotosService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Roles('resident', 'staff', 'admin')
  @ApiOperation({ summary: 'Upload one photo (before the report or ticket action that uses it)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [UPLOAD_FIELD],
      properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary', description: 'JPEG, PNG, WebP or HEIC' } },
    },
  })
  @ApiCreatedResponse({ type: PhotoViewDto })
  async upload(@Req() request: FastifyRequest, @CurrentUser() user: AuthUser): Promise<PhotoView> {
    return this.photos.upload(user.id, await readSingleUpload(request, this.config.photos.maxBytes));
  }
}
