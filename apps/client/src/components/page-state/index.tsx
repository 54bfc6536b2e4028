import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { ApiError } from '@/services/api';
import './index.css';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; data: T };

interface PageStateProps<T> {
  state: LoadState<T>;
  onRetry: () => void;
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  children: (data: T) => ReactNode;
}

const SKELETON_ROWS = 4;

/** Page shell: every page that loads data shows loading, error and empty the same way. */
export function PageState<T>({ state, onRetry, isEmpty, emptyText = '暂无内容', children }: PageStateProps<T>) {
  switch (state.status) {
    case 'loading':
      return (
        <View id="page-loading" className="page-state page-state--loading" aria-busy="true">
          {Array.from({ length: SKELETON_ROWS }, (_, row) => (
            <View key={row} className="page-state__skeleton" />
          ))}
          <Text className="page-state__hint">加载中…</Text>
        </View>
      );
    case 'error':
      return (
        <View id="page-error" className="page-state page-state--error" role="alert">
          <View className="page-state__badge">!</View>
          <Text className="page-state__message">{state.error.message}</Text>
          <Button id="retry" className="page-state__retry" onClick={onRetry}>
            重试
          </Button>
        </View>
      );
    case 'ready':
      if (isEmpty?.(state.data)) {
        return (
          <View id="page-empty" className="page-state page-state--empty">
            <Text className="page-state__hint">{emptyText}</Text>
          </View>
        );
      }
      return <>{children(state.data)}</>;
  }
}
