import { ApiProperty } from '@nestjs/swagger';
import type { PhotoQualityFlag, PhotoView } from '@ssp/contracts';

const QUALITY_FLAGS: PhotoQualityFlag[] = ['too_dark', 'too_bright', 'blank', 'blurry', 'low_resolution'];

class PhotoQualityDto {
  @ApiProperty({ description: 'true when no flag was raised' })
  ok!: boolean;

  @ApiProperty({ enum: QUALITY_FLAGS, isArray: true })
  flags!: PhotoQualityFlag[];
}

/** OpenAPI shape of {@link PhotoView}. */
export class PhotoViewDto implements PhotoView {
  @ApiProperty()
  id!: string;

  @ApiProperty({ description: 'Short-lived signed URL of the re-encoded JPEG (relative to the API origin with local storage)' })
  url!: string;

  @ApiProperty({ description: 'Short-lived signed URL of the 320 px thumbnail' })
  thumbUrl!: string;

  @ApiProperty()
  width!: number;

  @ApiProperty()
  height!: number;

  @ApiProperty({ type: PhotoQualityDto })
  quality!: PhotoQualityDto;
}
