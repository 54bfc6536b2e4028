import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { CategoryNode } from '@ssp/contracts';
import { PageState } from '@/components/page-state';
import { useCategoryTree } from '@/hooks/use-category-tree';
import { categoryDetailUrl, newReportUrl } from '@/routes';
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
      <Text className="home-section-title">或先看看问题类型</Text>
      <PageState state={state} onRetry={() => void reload()} isEmpty={isEmptyTree} emptyText="暂无分类，请下拉刷新">
        {(tree) => <CategoryTree categories={tree} onSelect={openCategory} />}
      </PageState>
    </View>
  );
}
