import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, type UserRole } from '@ssp/contracts';
import { DomainError } from '../errors/domain.error';
import { AUTH_USER_LOOKUP, type AuthUserLookup } from './auth-user.lookup';
import { AUTH_USER } from './current-user.decorator';
import { IS_PUBLIC } from './public.decorator';
import { ROLES } from './roles.decorator';
import { TokenService } from './token.service';

/**
 * Global guard. A route is either @Public() or declares @Roles(...); a route with neither is refused
 * (and fails the route audit test). The caller is reloaded from the database on every request, so a
 * deactivated account or a changed role takes effect at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @Inject(AUTH_USER_LOOKUP) private readonly users: AuthUserLookup,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (!roles || roles.length === 0) throw new DomainError(ErrorCode.FORBIDDEN, '没有权限进行此操作');

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> } & Record<string, unknown>>();
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(request.headers.authorization ?? '');
    const claims = match ? await this.tokens.verify(match[1]) : null;
    if (!claims) throw new DomainError(ErrorCode.UNAUTHENTICATED, '登录已失效，请重新登录');
    const user = await this.users.findActive(claims.sub);
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, '登录已失效，请重新登录');
    if (!roles.includes(user.role)) throw new DomainError(ErrorCode.FORBIDDEN, '没有权限进行此操作');
    request[AUTH_USER] = user;
    return true;
  }
}
