import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { UserRole } from '@ssp/contracts';
import { useNow } from '@/hooks/use-now';
import { STAFF_INBOX_PAGE, TRIAGE_PAGE } from '@/routes';
import { loginWithPassword, retryAfterSeconds, toApiError } from '@/services/api';
import { saveSession } from '@/stores/session';
import './index.css';

/** Staff land in their department's inbox, admins at triage. */
const HOME_OF: Record<Exclude<UserRole, 'resident'>, string> = { staff: STAFF_INBOX_PAGE, admin: TRIAGE_PAGE };

function waitText(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}分${seconds % 60}秒` : `${seconds}秒`;
}

export default function StaffLoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const now = useNow(1000);
  const lockSeconds = lockedUntil ? Math.max(0, Math.ceil((lockedUntil - now) / 1000)) : 0;

  const submit = async () => {
    if (username.trim() === '' || password === '') {
      setError('请输入用户名和密码');
      return;
    }
    setSending(true);
    setError(null);
    try {
      const auth = await loginWithPassword({ username: username.trim(), password });
      if (auth.user.role === 'resident') {
        setError('该账号不是工作人员账号');
        return;
      }
      saveSession(auth);
      await Taro.redirectTo({ url: HOME_OF[auth.user.role] });
    } catch (failure) {
      const apiError = toApiError(failure);
      const wait = apiError.status === 429 ? retryAfterSeconds(apiError) : null;
      setLockedUntil(wait ? Date.now() + wait * 1000 : null);
      setError(apiError.message);
      if (apiError.status === 401) setPassword('');
    } finally {
      setSending(false);
    }
  };

  const locked = lockSeconds > 0;
  return (
    <View className="page">
      <View className="staff-login__header">
        <Text className="staff-login__title">随手拍 · 工作台</Text>
        <Text className="staff-login__subtitle">部门工作人员与指挥中心管理员使用</Text>
      </View>
      <View className="card">
        <View className="field">
          <Text className="field__label">用户名</Text>
          <Input
            id="username"
            className="field__input"
            value={username}
            placeholder="如 staff.cgj"
            onInput={(event) => setUsername(event.detail.value)}
          />
        </View>
        <View className="field">
          <Text className="field__label">密码</Text>
          <Input
            id="password"
            className="field__input"
            password
            value={password}
            placeholder="请输入密码"
            onInput={(event) => setPassword(event.detail.value)}
            onConfirm={() => void submit()}
          />
        </View>
        {error ? (
          <View id="login-error" className="staff-login__error" role="alert">
            <Text>
              {error}
              {locked ? `（${waitText(lockSeconds)}后可再试）` : ''}
            </Text>
          </View>
        ) : null}
        <Button
          id="login-submit"
          className="primary-button staff-login__submit"
          loading={sending}
          disabled={sending || locked}
          onClick={() => void submit()}
        >
          {locked ? `请 ${waitText(lockSeconds)} 后再试` : '登录'}
        </Button>
      </View>
      <Text className="staff-login__note">连续输错密码多次，账号会被暂时锁定。忘记密码请联系系统管理员。</Text>
    </View>
  );
}
