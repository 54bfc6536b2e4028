import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthResult, Me } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Public } from '../../core/auth/public.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import { AuthService } from './auth.service';
import { DevLoginDto, PasswordLoginDto, WechatLoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/wechat')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resident login with the code of wx.login() (code2session)' })
  wechat(@Body() body: WechatLoginDto): Promise<AuthResult> {
    return this.auth.wechatLogin(body.code);
  }

  @Public()
  @Post('auth/dev')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resident login without WeChat (AUTH_DEV_LOGIN only; refused in production)' })
  dev(@Body() body: DevLoginDto): Promise<AuthResult> {
    return this.auth.devLogin(body.openid, body.nickname);
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Staff and admin login; throttled after repeated failures' })
  login(@Body() body: PasswordLoginDto, @Ip() ip: string): Promise<AuthResult> {
    return this.auth.passwordLogin(body.username, body.password, ip);
  }

  @Roles('resident', 'staff', 'admin')
  @Get('me')
  @ApiBearerAuth()
  me(@CurrentUser() user: AuthUser): Promise<Me> {
    return this.auth.me(user.id);
  }
}
