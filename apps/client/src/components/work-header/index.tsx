import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ME_PAGE } from '@/routes';
import { clearSession } from '@/stores/session';
import './index.css';

function signOut(): void {
  clearSession();
  void Taro.switchTab({ url: ME_PAGE });
}

/** Header of the staff and admin work pages: whose work this is, and the way out. */
export function WorkHeader({ title, subtitle }: { title: string; subtitle: string }) {
  return (
    <View className="work-header">
      <View>
        <Text id="work-title" className="work-header__title">
          {title}
        </Text>
        <Text className="work-header__subtitle">{subtitle}</Text>
      </View>
      <Text id="work-sign-out" className="work-header__sign-out" onClick={signOut}>
        退出登录
      </Text>
    </View>
  );
}
