import type { UserRole } from '@ssp/contracts';

/** Who is calling, as the access token says (checked against the database on every request). */
export interface AuthUser {
  id: string;
  role: UserRole;
  departmentId: string | null;
}

/** Claims of our access tokens. */
export interface AccessTokenClaims {
  sub: string;
  role: UserRole;
}
