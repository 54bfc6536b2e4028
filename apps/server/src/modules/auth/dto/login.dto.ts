import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DevLoginRequest, PasswordLoginRequest, WechatLoginRequest } from '@ssp/contracts';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class WechatLoginDto implements WechatLoginRequest {
  @ApiProperty({ description: 'The code from wx.login()' })
  @IsString()
  @Length(1, 128)
  code!: string;
}

export class DevLoginDto implements DevLoginRequest {
  @ApiPropertyOptional({ description: 'A stable id for the trial resident; a new resident when omitted' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,48}$/)
  openid?: string;

  @ApiPropertyOptional({ example: '热心市民' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  nickname?: string;
}

export class PasswordLoginDto implements PasswordLoginRequest {
  @ApiProperty({ example: 'staff.cgj' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  password!: string;
}
