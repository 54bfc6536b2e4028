import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@ssp/contracts';
import { PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { DomainError } from '../../core/errors/domain.error';

const TIMEOUT_MS = 5000;

interface Code2SessionAnswer {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/** WeChat's error codes for jscode2session, in what they mean for the resident. */
function errorOf(errcode: number): DomainError {
  switch (errcode) {
    case 40029:
    case 40163:
    case 40226:
      return new DomainError(ErrorCode.UNAUTHENTICATED, '微信登录凭证无效或已使用，请重新进入小程序');
    case 45011:
      return new DomainError(ErrorCode.RATE_LIMITED, '登录过于频繁，请稍后再试');
    default:
      return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, '微信登录暂时不可用，请稍后再试', { errcode });
  }
}

/** `code2session` (jscode2session) against the configured base URL; tests point it at a local fake. */
@Injectable()
export class WechatClient {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(WechatClient.name);
  }

  async openidOf(code: string): Promise<string> {
    const { appId, appSecret, apiBase } = this.config.auth.wechat;
    if (!appId || !appSecret) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, '微信登录未配置');
    const url = new URL('/sns/jscode2session', apiBase);
    url.search = new URLSearchParams({ appid: appId, secret: appSecret, js_code: code, grant_type: 'authorization_code' }).toString();
    let answer: Code2SessionAnswer;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      answer = (await response.json()) as Code2SessionAnswer;
    } catch (error) {
      this.logger.warn({ err: error }, 'code2session unreachable');
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, '微信登录暂时不可用，请稍后再试');
    }
    if (answer.errcode) {
      this.logger.warn({ errcode: answer.errcode, errmsg: answer.errmsg }, 'code2session refused');
      throw errorOf(answer.errcode);
    }
    if (typeof answer.openid !== 'string' || answer.openid.length === 0 || answer.openid.length > 64) {
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, '微信登录暂时不可用，请稍后再试');
    }
    return answer.openid;
  }
}
