import { ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_STATUSES, type TicketFilters, type TicketStatus } from '@ssp/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class TicketQueryDto implements TicketFilters {
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ description: 'true: only open tickets past their deadline' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'true: only tickets with an extension request waiting for a decision' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  pendingExtension?: boolean;

  @ApiPropertyOptional({ description: 'A 大类 code includes its 小类' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{1,32}$/)
  categoryCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{6,12}$/)
  regionCode?: string;

  @ApiPropertyOptional({ description: 'Ticket number, or words of the description' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
