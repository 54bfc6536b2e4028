import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DepartmentOption } from '@ssp/contracts';
import { IsBoolean, IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { IsOmittable, Trim } from '../../admin/dto/field.decorators';

/** Upper-case ASCII as in the seed (CGJ, CGJ-320102): routing rules and categories refer to it. */
export const DEPARTMENT_CODE = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
const REGION_CODE = /^\d{6,12}$/;
// Credentials in the URL would be shown to every admin; the secret has its own write-only field.
const WEBHOOK_URL = { protocols: ['https'], require_protocol: true, require_valid_protocol: true, disallow_auth: true };

export class CreateDepartmentDto {
  @ApiProperty({ example: 'CGJ-320102', pattern: DEPARTMENT_CODE.source })
  @Matches(DEPARTMENT_CODE)
  code!: string;

  @ApiProperty({ example: '玄武区城市管理局', maxLength: 100 })
  @Trim()
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ example: '玄武区城管局', maxLength: 32 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(32)
  shortName?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  duties?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '320102', description: 'District served; absent for city-wide bodies' })
  @IsOptional()
  @Matches(REGION_CODE)
  regionCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  contact?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://gateway.example.gov.cn/ssp', description: 'https only' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsUrl(WEBHOOK_URL)
  webhookUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 16, maxLength: 200, description: 'HMAC key for webhooks; write-only' })
  @IsOptional()
  @IsString()
  @Length(16, 200)
  webhookSecret?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** Every field optional; `null` clears the nullable ones. The code never changes: others refer to it. */
export class UpdateDepartmentDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOmittable()
  @Trim()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ maxLength: 32 })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxLength(32)
  shortName?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxLength(500)
  duties?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Matches(REGION_CODE)
  regionCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  contact?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'https only' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsUrl(WEBHOOK_URL)
  webhookUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 16, maxLength: 200, description: 'write-only; null removes it' })
  @IsOptional()
  @IsString()
  @Length(16, 200)
  webhookSecret?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates: no new dispatches, history kept' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class AdminDepartmentDto {
  @ApiProperty({ example: 'CGJ' })
  code!: string;

  @ApiProperty({ example: '南京市城市管理局' })
  name!: string;

  @ApiProperty({ example: '市城管局' })
  shortName!: string;

  @ApiProperty()
  duties!: string;

  @ApiProperty({ type: String, nullable: true })
  regionCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  contact!: string | null;

  @ApiProperty({ type: String, nullable: true })
  webhookUrl!: string | null;

  @ApiProperty({ description: 'Whether a webhook secret is set (the secret itself is never returned)' })
  hasWebhookSecret!: boolean;

  @ApiProperty()
  active!: boolean;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty()
  updatedAt!: string;
}

export class AdminDepartmentPageDto {
  @ApiProperty({ type: [AdminDepartmentDto] })
  items!: AdminDepartmentDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class DepartmentOptionDto implements DepartmentOption {
  @ApiProperty({ example: 'CGJ' })
  code!: string;

  @ApiProperty({ example: '南京市城市管理局' })
  name!: string;

  @ApiProperty({ example: '市城管局' })
  shortName!: string;
}
