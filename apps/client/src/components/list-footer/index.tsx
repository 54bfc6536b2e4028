import { Text, View } from '@tarojs/components';
import type { ApiError } from '@/services/api';
import './index.css';

interface ListFooterProps {
  hasMore: boolean;
  loadingMore: boolean;
  moreError: ApiError | null;
  onLoadMore: () => void;
}

/** The end of a paged list: loading the next page, a failure to retry, or the end. */
export function ListFooter({ hasMore, loadingMore, moreError, onLoadMore }: ListFooterProps) {
  if (moreError) {
    return (
      <View id="load-more-error" className="list-footer list-footer--error" onClick={onLoadMore}>
        <Text>{moreError.message}，点击重试</Text>
      </View>
    );
  }
  if (loadingMore) {
    return (
      <View id="loading-more" className="list-footer">
        <Text>加载中…</Text>
      </View>
    );
  }
  if (hasMore) {
    return (
      <View id="load-more" className="list-footer" onClick={onLoadMore}>
        <Text>上拉或点击加载更多</Text>
      </View>
    );
  }
  return (
    <View id="list-end" className="list-footer">
      <Text>没有更多了</Text>
    </View>
  );
}
