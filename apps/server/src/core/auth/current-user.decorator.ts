import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthUser } from './auth-user';

export const AUTH_USER = 'authUser';

/** The caller the guard authenticated; only on routes with @Roles. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const request = context.switchToHttp().getRequest<Record<string, unknown>>();
  const user = request[AUTH_USER] as AuthUser | undefined;
  if (!user) throw new Error('CurrentUser used on a route without @Roles');
  return user;
});
