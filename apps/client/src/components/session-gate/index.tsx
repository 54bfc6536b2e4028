import { useEffect, useRef, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { Me, UserRole } from '@ssp/contracts';
import { ResidentLoginButton } from '@/components/resident-login-button';
import { useResidentSignIn } from '@/hooks/use-resident-sign-in';
import { useSession } from '@/hooks/use-session';
import { STAFF_LOGIN_PAGE } from '@/routes';
import { clearSession } from '@/stores/session';
import { isWeapp } from '@/utils/platform';
import './index.css';

interface GateCardProps {
  id: string;
  title: string;
  text: string;
  error?: string | null;
  children: ReactNode;
}

function GateCard({ id, title, text, error, children }: GateCardProps) {
  return (
    <View id={id} className="card session-gate">
      <Text className="card__title">{title}</Text>
      <Text className="card__text">{text}</Text>
      {error ? <Text className="session-gate__error">{error}</Text> : null}
      <View className="session-gate__actions">{children}</View>
    </View>
  );
}

/**
 * Shows `children` to a signed-in resident. In the mini program the resident is signed in silently
 * with `wx.login`; in H5 the page asks (体验登录). A staff or admin session is told to sign out first,
 * because reports belong to residents.
 */
export function ResidentGate({ children }: { children: (user: Me) => ReactNode }) {
  const user = useSession();
  const { signingIn, error, signIn } = useResidentSignIn();
  const triedSilently = useRef(false);

  useEffect(() => {
    if (user || !isWeapp() || triedSilently.current) return;
    triedSilently.current = true;
    void signIn();
  }, [user, signIn]);

  if (user?.role === 'resident') return <>{children(user)}</>;
  if (user) {
    return (
      <GateCard id="wrong-role" title="当前为工作人员账号" text={`${user.nickname}，上报问题请退出后以市民身份登录。`}>
        <Button className="secondary-button" onClick={clearSession}>
          退出登录
        </Button>
      </GateCard>
    );
  }
  return (
    <GateCard id="login-required" title="登录后使用" text="登录后即可上报问题、查看办理进度和评价结果。" error={error}>
      <ResidentLoginButton signingIn={signingIn} onSignIn={signIn} />
    </GateCard>
  );
}

const ROLE_TEXT: Record<UserRole, string> = { resident: '市民', staff: '工作人员', admin: '管理员' };

/** Shows `children` to staff or admins (as `roles` allows); everyone else is sent to the staff login. */
export function StaffGate({ roles, children }: { roles: readonly UserRole[]; children: (user: Me) => ReactNode }) {
  const user = useSession();
  if (user && roles.includes(user.role)) return <>{children(user)}</>;
  const openLogin = () => void Taro.navigateTo({ url: STAFF_LOGIN_PAGE });
  return (
    <GateCard
      id="staff-login-required"
      title={roles.includes('staff') ? '请使用工作人员账号登录' : '请使用管理员账号登录'}
      text={user ? `当前登录：${user.nickname}（${ROLE_TEXT[user.role]}），无权查看此页面。` : '登录已失效或尚未登录。'}
    >
      <Button id="go-staff-login" className="primary-button" onClick={openLogin}>
        {user ? '切换账号' : '去登录'}
      </Button>
    </GateCard>
  );
}
