import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginAttempt } from './entities/login-attempt.entity';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { WechatClient } from './wechat.client';

@Module({
  imports: [TypeOrmModule.forFeature([LoginAttempt]), UsersModule],
  controllers: [AuthController],
  providers: [AuthService, LoginAttemptsRepository, WechatClient],
})
export class AuthModule {}
