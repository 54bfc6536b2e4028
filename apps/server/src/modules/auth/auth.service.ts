import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type AuthResult, type Me } from '@ssp/contracts';
import { TokenService } from '../../core/auth/token.service';
import { hashPassword, verifyPassword } from '../../core/auth/password.util';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { DomainError } from '../../core/errors/domain.error';
import type { User } from '../users/entities/user.entity';
import { UsersRepository } from '../users/users.repository';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { WechatClient } from './wechat.client';

const BAD_CREDENTIALS = '用户名或密码错误';

export function toMe(user: User): Me {
  return {
    id: user.id,
    role: user.role,
    nickname: user.nickname,
    ...(user.department ? { department: { code: user.department.code, name: user.department.name } } : {}),
  };
}

@Injectable()
export class AuthService {
  /** Compared against when the username is unknown, so the answer takes as long either way. */
  private readonly decoyHash = hashPassword(randomUUID());

  constructor(
    private readonly users: UsersRepository,
    private readonly attempts: LoginAttemptsRepository,
    private readonly tokens: TokenService,
    private readonly wechat: WechatClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async wechatLogin(code: string): Promise<AuthResult> {
    const openid = await this.wechat.openidOf(code);
    return this.issue(await this.users.findOrCreateResident(openid, '微信用户'));
  }

  async devLogin(openid: string | undefined, nickname: string | undefined): Promise<AuthResult> {
    if (!this.config.auth.devLogin) throw new DomainError(ErrorCode.FORBIDDEN, '开发登录已关闭');
    // A prefix keeps trial accounts apart from real WeChat openids.
    const user = await this.users.findOrCreateResident(`dev:${openid ?? randomUUID()}`, nickname ?? '体验用户');
    return this.issue(user);
  }

  async passwordLogin(username: string, password: string, ip: string, now = new Date()): Promise<AuthResult> {
    const { maxFailures, lockSeconds } = this.config.auth;
    const keys = [`user:${username.toLowerCase()}`, `ip:${ip}`];
    const lockedUntil = await this.attempts.lockedUntil(keys, now);
    if (lockedUntil) {
      const retryAfterSeconds = Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000);
      throw new DomainError(ErrorCode.RATE_LIMITED, `登录失败次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`, {
        retryAfterSeconds,
      });
    }
    const user = await this.users.findByUsername(username);
    const valid =
      user?.passwordHash && user.active ? await verifyPassword(user.passwordHash, password) : await this.decoy(password);
    if (!user || !valid || user.role === 'resident') {
      await this.attempts.recordFailure(keys, now, maxFailures, lockSeconds);
      throw new DomainError(ErrorCode.UNAUTHENTICATED, BAD_CREDENTIALS);
    }
    await this.attempts.reset(keys[0]);
    return this.issue(user);
  }

  async me(userId: string): Promise<Me> {
    const user = await this.users.findActiveById(userId);
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, '登录已失效，请重新登录');
    return toMe(user);
  }

  private async decoy(password: string): Promise<false> {
    await verifyPassword(await this.decoyHash, password);
    return false;
  }

  private async issue(user: User): Promise<AuthResult> {
    const accessToken = await this.tokens.sign({ sub: user.id, role: user.role });
    return { accessToken, expiresIn: this.tokens.ttlSeconds, user: toMe(user) };
  }
}
