import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { USER_ROLES } from '@ssp/contracts';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { AccessTokenClaims } from './auth-user';

/** HS256 access tokens; verification pins the algorithm so `alg: none` or a swapped algorithm fails. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.auth.tokenTtlSeconds;
  }

  sign(claims: AccessTokenClaims): Promise<string> {
    return this.jwt.signAsync(
      { role: claims.role },
      { subject: claims.sub, secret: this.config.auth.jwtSecret, algorithm: 'HS256', expiresIn: this.ttlSeconds },
    );
  }

  /** The claims of a valid, unexpired token of ours, or null. */
  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      const payload = await this.jwt.verifyAsync<{ sub?: unknown; role?: unknown }>(token, {
        secret: this.config.auth.jwtSecret,
        algorithms: ['HS256'],
      });
      const role = USER_ROLES.find((candidate) => candidate === payload.role);
      if (typeof payload.sub !== 'string' || !role) return null;
      return { sub: payload.sub, role };
    } catch {
      return null;
    }
  }
}
