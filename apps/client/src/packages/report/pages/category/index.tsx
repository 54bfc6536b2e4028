import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { CategoryNode } from '@ssp/contracts';
import { PageState } from '@/components/page-state';
import { useCategoryTree } from '@/hooks/use-category-tree';
import { categoryDetailUrl, newReportUrl, readParam } from '@/routes';
import { findCategory, type CategoryLookup } from '@/stores/category-catalog';
import { EMERGENCY_NOTE, PHOTO_TIPS } from './photo-tips';
import './index.css';

function CategoryDetail({ lookup }: { lookup: CategoryLookup }) {
  const { node, parent } = lookup;

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: node.name });
  }, [node.name]);

  return (
    <View id="category-detail" data-code={node.code}>
      <View className="card">
        {parent ? <Text className="category-detail__parent">{parent.name}</Text> : null}
        <Text className="category-detail__name">{node.name}</Text>
        <Text className="card__text category-detail__description">{node.description || '暂无说明'}</Text>
      </View>

      {node.children.length > 0 ? (
        <View className="card">
          <Text className="card__title">包含的小类</Text>
          {node.children.map((child) => (
            <View
              key={child.code}
              className="category-detail__child"
              data-code={child.code}
              onClick={() => void Taro.navigateTo({ url: categoryDetailUrl(child.code) })}
            >
              <View className="category-detail__child-text">
                <Text className="category-detail__child-name">{child.name}</Text>
                {child.description ? (
                  <Text className="category-detail__child-description">{child.description}</Text>
                ) : null}
              </View>
              <Text className="category-detail__child-arrow">›</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className="card" id="photo-tips">
        <Text className="card__title">拍照建议</Text>
        {PHOTO_TIPS.map((tip, index) => (
          <View key={tip} className="category-detail__tip">
            <Text className="category-detail__tip-index">{index + 1}</Text>
            <Text className="category-detail__tip-text">{tip}</Text>
          </View>
        ))}
        <Text className="category-detail__emergency">{EMERGENCY_NOTE}</Text>
      </View>

      <View className="action-bar">
        <Button
          id="report-this"
          className="primary-button"
          onClick={() => void Taro.navigateTo({ url: newReportUrl(node.code) })}
        >
          拍这类问题
        </Button>
      </View>
    </View>
  );
}

export default function CategoryPage() {
  const code = readParam(useRouter().params.code);
  const { state, reload } = useCategoryTree({ preferRemembered: true });
  const isUnknown = (tree: CategoryNode[]) => findCategory(tree, code) === null;

  return (
    <View className="page">
      <PageState state={state} onRetry={() => void reload()} isEmpty={isUnknown} emptyText="未找到该分类，请返回首页重新选择">
        {(tree) => {
          const lookup = findCategory(tree, code);
          return lookup ? <CategoryDetail lookup={lookup} /> : null;
        }}
      </PageState>
    </View>
  );
}
