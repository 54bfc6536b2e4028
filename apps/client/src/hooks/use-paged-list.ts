import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { Page } from '@ssp/contracts';
import { toApiError, type ApiError } from '@/services/api';
import type { LoadState } from '@/components/page-state';

export interface PagedList<T> {
  state: LoadState<T[]>;
  hasMore: boolean;
  loadingMore: boolean;
  /** The last "load more" failed; the footer offers to try again. */
  moreError: ApiError | null;
  /** First page again (pull-down, back from a detail page); keeps the list on screen meanwhile. */
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** Changes the loaded items in place (a row edited, decided or deleted) without a round trip. */
  mutate: (change: (items: T[]) => T[]) => void;
}

/** A cursor-paged list (`{ items, nextCursor }`) that starts over whenever `key` (the filter) changes. */
export function usePagedList<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, key: string): PagedList<T> {
  const [state, setState] = useState<LoadState<T[]>>({ status: 'loading' });
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const items = useRef<T[] | null>(null);
  const latestFetch = useRef(fetchPage);
  latestFetch.current = fetchPage;
  // Each first-page load starts a generation; answers of an older one (another tab) are dropped.
  const generation = useRef(0);
  const busyMore = useRef(false);

  const loadFirst = useCallback(async (showSkeleton: boolean) => {
    const mine = ++generation.current;
    busyMore.current = false;
    setLoadingMore(false);
    setMoreError(null);
    if (showSkeleton) {
      items.current = null;
      setState({ status: 'loading' });
    }
    try {
      const page = await latestFetch.current(null);
      if (mine !== generation.current) return;
      items.current = page.items;
      setNextCursor(page.nextCursor);
      setState({ status: 'ready', data: page.items });
    } catch (failure) {
      if (mine !== generation.current) return;
      const error = toApiError(failure);
      if (items.current) {
        await Taro.showToast({ title: error.message, icon: 'none' });
      } else {
        setState({ status: 'error', error });
      }
    }
  }, []);

  useEffect(() => {
    void loadFirst(true);
  }, [loadFirst, key]);

  const refresh = useCallback(() => loadFirst(items.current === null), [loadFirst]);

  const loadMore = useCallback(async () => {
    if (!nextCursor || busyMore.current || !items.current) return;
    const mine = generation.current;
    busyMore.current = true;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await latestFetch.current(nextCursor);
      if (mine !== generation.current) return;
      const merged = [...(items.current ?? []), ...page.items];
      items.current = merged;
      setNextCursor(page.nextCursor);
      setState({ status: 'ready', data: merged });
    } catch (failure) {
      if (mine === generation.current) setMoreError(toApiError(failure));
    } finally {
      if (mine === generation.current) {
        busyMore.current = false;
        setLoadingMore(false);
      }
    }
  }, [nextCursor]);

  const mutate = useCallback((change: (items: T[]) => T[]) => {
    if (!items.current) return;
    const changed = change(items.current);
    items.current = changed;
    setState({ status: 'ready', data: changed });
  }, []);

  return { state, hasMore: nextCursor !== null, loadingMore, moreError, refresh, loadMore, mutate };
}

/**
 * A list page's lifecycle: coming back (after signing for a ticket, a submit, a rating) shows current
 * states, pull-down starts over, reaching the bottom loads the next page. The first show finds the
 * list still loading, so it does not fetch twice.
 */
export function useListPageEvents<T>(list: PagedList<T>): void {
  useDidShow(() => {
    if (list.state.status === 'ready') void list.refresh();
  });
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });
}
