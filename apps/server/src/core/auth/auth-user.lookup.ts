import type { AuthUser } from './auth-user';

/** How the guard reloads the caller: the users module provides it, so core needs no domain import. */
export interface AuthUserLookup {
  findActive(id: string): Promise<AuthUser | null>;
}

export const AUTH_USER_LOOKUP = Symbol('AUTH_USER_LOOKUP');
