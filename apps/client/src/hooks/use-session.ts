import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { Me } from '@ssp/contracts';
import { getSessionUser, onSessionChange } from '@/stores/session';

/**
 * The signed-in user, kept current while the page stays mounted: a login on another page, a logout,
 * a 401 that ended the session, or a token that expired while the page sat in the background.
 */
export function useSession(): Me | null {
  const [user, setUser] = useState<Me | null>(() => getSessionUser());
  useEffect(() => onSessionChange(() => setUser(getSessionUser())), []);
  useDidShow(() => setUser(getSessionUser()));
  return user;
}
