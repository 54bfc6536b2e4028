import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { USER_ROLES } from '@ssp/contracts';
import { sign, verify, type JwtPayload } from 'jsonwebtoken';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { AccessTokenClaims } from './auth-user';

/** Verified tokens remembered per process: about 2 MB at most. */
const VERIFIED_TOKENS_KEPT = 10_000;

/** HS256 access tokens; verification pins the algorithm so `alg: none` or a swapped algorithm fails. */
@Injectable()
export class TokenService {
  /**
   * The secret as a key object: given a string or buffer, jsonwebtoken first tries to read it as a
   * public key on every call (~0.4 ms of CPU per request); a secret key object skips that.
   */
  private readonly key: KeyObject;
  /** Tokens whose signature was checked (only those: a forged string is never kept), with claims and expiry. */
  private readonly verified = new Map<string, { claims: AccessTokenClaims; expiresAtMs: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8'));
  }

  get ttlSeconds(): number {
    return this.config.auth.tokenTtlSeconds;
  }

  sign(claims: AccessTokenClaims): Promise<string> {
    return Promise.resolve(
      sign({ role: claims.role }, this.key, { subject: claims.sub, algorithm: 'HS256', expiresIn: this.ttlSeconds }),
    );
  }

  /**
   * The claims of a valid, unexpired token of ours, or null. A token's signature is checked once: the
   * same string under the same key always verifies the same way, so later requests only check its
   * expiry (whether the account may still act is decided by reloading the caller on every request).
   */
  verify(token: string): Promise<AccessTokenClaims | null> {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.expiresAtMs) return Promise.resolve(known.claims);
      this.verified.delete(token);
    }
    return Promise.resolve(this.verifySignature(token));
  }

  private verifySignature(token: string): AccessTokenClaims | null {
    try {
      const payload = verify(token, this.key, { algorithms: ['HS256'] }) as JwtPayload | string;
      if (typeof payload === 'string') return null;
      const role = USER_ROLES.find((candidate) => candidate === payload.role);
      if (typeof payload.sub !== 'string' || !role) return null;
      const claims = { sub: payload.sub, role };
      if (typeof payload.exp === 'number') this.remember(token, claims, payload.exp * 1000);
      return claims;
    } catch {
      return null;
    }
  }

  /** Bounded: past the limit the oldest entry goes (a Map iterates in insertion order). */
  private remember(token: string, claims: AccessTokenClaims, expiresAtMs: number): void {
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { claims, expiresAtMs });
  }
}
