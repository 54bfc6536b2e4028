import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PHOTO_LIMITS, STAFF_ADMIN_ACTIONS, type StaffAdminAction, type TicketActionRequest } from '@ssp/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';

export class TicketActionDto implements TicketActionRequest {
  @ApiProperty({ enum: STAFF_ADMIN_ACTIONS })
  @IsIn(STAFF_ADMIN_ACTIONS)
  action!: StaffAdminAction;

  @ApiProperty({ description: 'The version the caller last read (optimistic lock)' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ description: 'Reason or reply; required by return, reject, transfer, request_*, deny_extension, resolve' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note?: string;

  @ApiPropertyOptional({ description: 'resolve: result photos uploaded by the caller' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PHOTO_LIMITS.maxPerResolution)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  photoIds?: string[];

  @ApiPropertyOptional({ description: 'dispatch / transfer target; request_transfer suggestion' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{1,32}$/)
  departmentCode?: string;

  @ApiPropertyOptional({ description: 'dispatch / transfer / reclassify: set or correct the category' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{1,32}$/)
  categoryCode?: string;

  @ApiPropertyOptional({ description: 'request_extension: the new deadline (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;

  @ApiPropertyOptional({ description: 'merge: the number of the ticket this one joins', example: 'GD20261201-00012' })
  @IsOptional()
  @Matches(/^[A-Z]{2}[0-9-]{6,20}$/, { message: 'targetTicketNo must be a ticket number' })
  targetTicketNo?: string;

  @ApiPropertyOptional({ description: 'split: the report that becomes a ticket of its own' })
  @IsOptional()
  @IsUUID('all')
  reportId?: string;
}
