import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  CLASSIFICATION_RULES_PAGE,
  DASHBOARD_PAGE,
  MODERATION_PAGE,
  ROUTING_RULES_PAGE,
  TRIAGE_PAGE,
  WORD_RULES_PAGE,
} from '@/routes';
import './index.css';

const ADMIN_PAGES: readonly { url: string; label: string; key: string }[] = [
  { url: TRIAGE_PAGE, label: '分拨台', key: 'triage' },
  { url: MODERATION_PAGE, label: '审核队列', key: 'moderation' },
  { url: WORD_RULES_PAGE, label: '敏感词', key: 'word-rules' },
  { url: CLASSIFICATION_RULES_PAGE, label: '分类关键词', key: 'classification-rules' },
  { url: ROUTING_RULES_PAGE, label: '派单规则', key: 'routing-rules' },
  { url: DASHBOARD_PAGE, label: '数据看板', key: 'dashboard' },
];

/**
 * The admin's work areas side by side. Switching replaces the page instead of stacking it, so 返回
 * leads out of the admin area rather than through every page visited.
 */
export function AdminNav({ current }: { current: string }) {
  return (
    <View id="admin-nav" className="admin-nav">
      {ADMIN_PAGES.map((page) => (
        <Text
          key={page.key}
          id={`admin-nav-${page.key}`}
          className={`admin-nav__item${page.url === current ? ' admin-nav__item--active' : ''}`}
          onClick={page.url === current ? undefined : () => void Taro.redirectTo({ url: page.url })}
        >
          {page.label}
        </Text>
      ))}
    </View>
  );
}
