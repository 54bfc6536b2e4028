import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PHOTO_LIMITS, REPORT_LIMITS, type CoordSystemName, type CreateReportRequest, type ReportLocation } from '@ssp/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class ReportLocationDto implements ReportLocation {
  @ApiProperty({ example: 32.0416 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  lat!: number;

  @ApiProperty({ example: 118.7784 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  lng!: number;

  @ApiProperty({ enum: ['gcj02', 'wgs84'], description: 'WeChat getLocation gives gcj02; browsers give wgs84' })
  @IsIn(['gcj02', 'wgs84'])
  coordSystem!: CoordSystemName;
}

export class CreateReportDto implements CreateReportRequest {
  @ApiProperty({ description: 'Chosen by the client once per submission; a retry sends the same value' })
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'clientRequestId must be 8–64 letters, digits, - or _' })
  clientRequestId!: string;

  @ApiProperty({ maxLength: REPORT_LIMITS.descriptionMaxChars, example: '新街口地铁站2号口旁井盖缺失，很危险' })
  @IsString()
  @MinLength(2, { message: '请简单描述一下问题' })
  @MaxLength(REPORT_LIMITS.descriptionMaxChars)
  description!: string;

  @ApiProperty({ type: ReportLocationDto })
  @ValidateNested()
  @Type(() => ReportLocationDto)
  location!: ReportLocationDto;

  @ApiProperty({ type: [String], maxItems: PHOTO_LIMITS.maxPerReport })
  @IsArray()
  @ArrayMaxSize(PHOTO_LIMITS.maxPerReport)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  photoIds!: string[];

  @ApiPropertyOptional({ example: 'GY-02' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{1,32}$/)
  categoryCode?: string;

  @ApiPropertyOptional({ description: 'A stable id the app keeps in its storage, for per-device rate limits' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'deviceId must be 8–64 letters, digits, - or _' })
  deviceId?: string;
}
