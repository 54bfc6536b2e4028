import Taro from '@tarojs/taro';
import type { AuthResult, Me, UserRole } from '@ssp/contracts';

/** Persisted across launches in Taro storage (localStorage on H5, wx storage on weapp). */
const TOKEN_KEY = 'ssp.session.accessToken';
const USER_KEY = 'ssp.session.user';
const EXPIRES_AT_KEY = 'ssp.session.expiresAt';

const USER_ROLES: readonly UserRole[] = ['resident', 'staff', 'admin'];

type Listener = () => void;
const listeners = new Set<Listener>();

function notify(): void {
  listeners.forEach((listener) => listener());
}

function readUser(): Me | null {
  const value: unknown = Taro.getStorageSync(USER_KEY);
  if (typeof value !== 'object' || value === null) return null;
  const user = value as Partial<Me>;
  if (typeof user.id !== 'string' || typeof user.nickname !== 'string') return null;
  if (!USER_ROLES.includes(user.role as UserRole)) return null;
  return user as Me;
}

/** A token past its lifetime is treated as absent: the server would answer 401 to it anyway. */
function isExpired(now: number): boolean {
  const expiresAt: unknown = Taro.getStorageSync(EXPIRES_AT_KEY);
  return typeof expiresAt === 'number' && expiresAt <= now;
}

export function getAccessToken(now = Date.now()): string | null {
  const value: unknown = Taro.getStorageSync(TOKEN_KEY);
  if (typeof value !== 'string' || value === '') return null;
  return isExpired(now) ? null : value;
}

/** Who is signed in, or null; pages decide what a role may see from this. */
export function getSessionUser(now = Date.now()): Me | null {
  return getAccessToken(now) ? readUser() : null;
}

export function saveSession(auth: AuthResult, now = Date.now()): void {
  Taro.setStorageSync(TOKEN_KEY, auth.accessToken);
  Taro.setStorageSync(USER_KEY, auth.user);
  Taro.setStorageSync(EXPIRES_AT_KEY, now + auth.expiresIn * 1000);
  notify();
}

/** The server's current view of the signed-in user (a renamed department, a new nickname). */
export function updateSessionUser(user: Me): void {
  if (!getAccessToken()) return;
  Taro.setStorageSync(USER_KEY, user);
  notify();
}

export function clearSession(): void {
  Taro.removeStorageSync(TOKEN_KEY);
  Taro.removeStorageSync(USER_KEY);
  Taro.removeStorageSync(EXPIRES_AT_KEY);
  notify();
}

/**
 * Tab pages stay mounted while other pages sign in or out (or a 401 ends the session), so they
 * subscribe instead of reading the store once. Returns the unsubscribe function.
 */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
