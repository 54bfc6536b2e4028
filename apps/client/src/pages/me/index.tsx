import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { Me, UserRole } from '@ssp/contracts';
import { ResidentLoginButton } from '@/components/resident-login-button';
import { useResidentSignIn } from '@/hooks/use-resident-sign-in';
import { useSession } from '@/hooks/use-session';
import {
  CLASSIFICATION_RULES_PAGE,
  DASHBOARD_PAGE,
  MODERATION_PAGE,
  MY_REPORTS_PAGE,
  STAFF_INBOX_PAGE,
  STAFF_LOGIN_PAGE,
  TRIAGE_PAGE,
  WORD_RULES_PAGE,
} from '@/routes';
import { fetchMe } from '@/services/api';
import { clearSession, getAccessToken, updateSessionUser } from '@/stores/session';
import './index.css';

const HOTLINE = '12345';

const COLLECTED_DATA: readonly { title: string; text: string }[] = [
  { title: '照片', text: '您拍摄或选择的问题照片。照片上传后，系统会去除其中 EXIF 记录的拍摄地点等附加信息。' },
  { title: '位置', text: '问题所在位置，仅在您上报时获取，用于把问题派给负责该区域的部门。' },
  { title: '问题描述', text: '您填写的文字说明，用于判断问题类型和处置方式。' },
];

const ROLE_TEXT: Record<UserRole, string> = { resident: '市民', staff: '工作人员', admin: '管理员' };

function callHotline(): void {
  void Taro.makePhoneCall({ phoneNumber: HOTLINE });
}

function signOut(): void {
  clearSession();
  void Taro.showToast({ title: '已退出登录', icon: 'none' });
}

function identityText(user: Me): string {
  return user.department ? `${ROLE_TEXT[user.role]} · ${user.department.name}` : ROLE_TEXT[user.role];
}

const goTo = (url: string) => () => void Taro.navigateTo({ url });

/** Where each role works: residents in the tabs, staff in their inbox, admins at triage and moderation. */
function WorkEntry({ user }: { user: Me }) {
  switch (user.role) {
    case 'resident':
      return (
        <Button
          id="open-my-reports"
          className="primary-button"
          onClick={() => void Taro.switchTab({ url: MY_REPORTS_PAGE })}
        >
          查看我的上报
        </Button>
      );
    case 'staff':
      return (
        <Button id="open-inbox" className="primary-button" onClick={goTo(STAFF_INBOX_PAGE)}>
          进入工单箱
        </Button>
      );
    case 'admin':
      return (
        <View className="button-row">
          <Button id="open-triage" className="primary-button" onClick={goTo(TRIAGE_PAGE)}>
            分拨台
          </Button>
          <Button id="open-all-tickets" className="secondary-button" onClick={goTo(STAFF_INBOX_PAGE)}>
            全部工单
          </Button>
        </View>
      );
  }
}

/** The admin's other work: reports held by the intake checks, and the lists those checks use. */
function AdminTools() {
  return (
    <View id="admin-tools" className="me-admin-tools">
      <Button id="open-dashboard" className="secondary-button" onClick={goTo(DASHBOARD_PAGE)}>
        数据看板
      </Button>
      <Button id="open-moderation" className="secondary-button" onClick={goTo(MODERATION_PAGE)}>
        审核队列
      </Button>
      <Button id="open-word-rules" className="secondary-button" onClick={goTo(WORD_RULES_PAGE)}>
        敏感词管理
      </Button>
      <Button id="open-classification-rules" className="secondary-button" onClick={goTo(CLASSIFICATION_RULES_PAGE)}>
        分类关键词
      </Button>
    </View>
  );
}

function AccountCard({ user }: { user: Me | null }) {
  const { signingIn, error, signIn } = useResidentSignIn();

  if (user) {
    return (
      <View className="card" id="account" data-role={user.role}>
        <WorkEntry user={user} />
        {user.role === 'admin' ? <AdminTools /> : null}
        <View className="me-account__links">
          {user.role === 'resident' ? (
            <Text className="text-button" onClick={goTo(STAFF_LOGIN_PAGE)}>
              工作人员登录
            </Text>
          ) : null}
          <Text id="sign-out" className="text-button" onClick={signOut}>
            退出登录
          </Text>
        </View>
      </View>
    );
  }
  return (
    <View className="card" id="account">
      <Text className="card__text">登录后可以上报问题、查看办理进度并评价结果。</Text>
      {error ? <Text className="me-account__error">{error}</Text> : null}
      <ResidentLoginButton className="me-account__login" signingIn={signingIn} onSignIn={signIn} />
      <View className="me-account__links">
        <Text id="staff-login-entry" className="text-button" onClick={goTo(STAFF_LOGIN_PAGE)}>
          工作人员登录
        </Text>
      </View>
    </View>
  );
}

/**
 * Asks the server who is signed in: a revoked or expired session then shows as signed out here (the
 * request layer ends it on 401) instead of a stale name. Offline, the stored identity stays.
 */
function refreshIdentity(): void {
  if (!getAccessToken()) return;
  fetchMe().then(updateSessionUser, () => undefined);
}

export default function MePage() {
  const user = useSession();
  useDidShow(refreshIdentity);
  return (
    <View className="page">
      <View className="me-header">
        <Text id="identity" className="me-header__name">
          {user ? user.nickname : '未登录'}
        </Text>
        <Text className="me-header__role">{user ? identityText(user) : '随手拍 · 南京'}</Text>
        <Text id="app-version" className="me-header__version">
          版本 {APP_VERSION}
        </Text>
      </View>

      <AccountCard user={user} />

      <View className="card me-hotline" id="hotline" onClick={callHotline}>
        <View className="me-hotline__text">
          <Text className="card__title">服务热线</Text>
          <Text className="card__text">政务服务便民热线，全天受理咨询、求助与投诉</Text>
        </View>
        <Text className="me-hotline__number">{HOTLINE}</Text>
      </View>

      <View className="card" id="privacy">
        <Text className="card__title">个人信息保护说明</Text>
        <Text className="card__text">我们只收集处理您上报的问题所必需的信息：</Text>
        {COLLECTED_DATA.map((item) => (
          <View key={item.title} className="me-privacy__item">
            <Text className="me-privacy__title">{item.title}</Text>
            <Text className="me-privacy__text">{item.text}</Text>
          </View>
        ))}
        <Text className="card__text me-privacy__closing">
          以上信息仅用于受理、派发和处置您上报的问题，不用于其他用途；公开展示问题时不会显示您的个人信息。
        </Text>
      </View>

      <View className="card" id="about">
        <Text className="card__title">关于随手拍</Text>
        <Text className="card__text">
          随手拍是南京市民参与城市管理的便捷渠道。路面破损、垃圾堆放、占道经营、设施损坏……看到了，拍下来，说一句，相关部门就会受理处置。
        </Text>
      </View>
    </View>
  );
}
