import type { UserRole } from './users';

export interface DepartmentRef {
  code: string;
  name: string;
}

export interface Me {
  id: string;
  role: UserRole;
  nickname: string;
  department?: DepartmentRef;
}

export interface AuthResult {
  accessToken: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  user: Me;
}

export interface WechatLoginRequest {
  code: string;
}

export interface DevLoginRequest {
  openid?: string;
  nickname?: string;
}

export interface PasswordLoginRequest {
  username: string;
  password: string;
}
