import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import type { CreateApiKeyRequest, UpdateApiKeyRequest } from '@ssp/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../admin/dto/page-query.dto';

const SERVICE_CODE = /^[A-Z0-9-]{1,32}$/;

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @ApiProperty({ example: '12345 热线平台', maxLength: 64 })
  @IsString()
  @MinLength(1, { message: '请填写密钥名称' })
  @MaxLength(64)
  name!: string;

  @ApiPropertyOptional({ type: [String], nullable: true, description: 'Service codes (小类) the key may submit; null or absent: all' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(SERVICE_CODE, { each: true })
  serviceCodes?: string[] | null;
}

/** Each field optional, the same rules as at creation. */
export class UpdateApiKeyDto extends PartialType(CreateApiKeyDto) implements UpdateApiKeyRequest {}

export class ApiKeyQueryDto extends PageQueryDto {}
