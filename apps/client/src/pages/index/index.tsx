import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { CategoryNode } from '@ssp/contracts';
import { PageState } from '@/components/page-state';
import { useCategoryTree } from '@/hooks/use-category-tree';
import { NEARBY_PAGE, categoryDetailUrl, newReportUrl } from '@/routes';
import { CategoryTree } from './category-tree';
import './index.css';

function openCategory(code: string): void {
  void Taro.navigateTo({ url: categoryDetailUrl(code) });
}

function isEmptyTree(tree: CategoryNode[]): boolean {
  return tree.length === 0;
}

export default function HomePage() {
  const { state, reload } = useCategoryTree();

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="page">
      <View className="home-header">
        <Text className="home-header__title">随手拍 · 南京</Text>
        <Text className="home-header__slogan">发现城市问题，拍一拍就能报</Text>
        <Button
          id="start-report"
          className="home-header__report"
          onClick={() => void Taro.navigateTo({ url: newReportUrl() })}
        >
          我要上报
        </Button>
        <Text className="home-header__note">拍照 · 定位 · 说一句，相关部门受理处置</Text>
      </View>
      <View id="open-nearby" className="card home-nearby" onClick={() => void Taro.navigateTo({ url: NEARBY_PAGE })}>
        <View className="home-nearby__text">
          <Text className="card__title">附近的问题</Text>
          <Text className="card__text">看看身边有哪些问题正在处理，避免重复上报</Text>
        </View>
        <Text className="home-nearby__arrow">›</Text>
      </View>
      <Text className="home-section-title">或先看看问题类型</Text>
      <PageState state={state} onRetry={() => void reload()} isEmpty={isEmptyTree} emptyText="暂无分类，请下拉刷新">
        {(tree) => <CategoryTree categories={tree} onSelect={openCategory} />}
      </PageState>
    </View>
  );
}
