import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { toApiError } from '@/services/api';
import type { LoadState } from '@/components/page-state';

export interface Loader<T> {
  state: LoadState<T>;
  /** Refetches; what is on screen stays there and a failure becomes a toast. */
  reload: () => Promise<void>;
  /** Replaces the data with a fresher copy the page already has (e.g. the answer to an action). */
  replace: (data: T) => void;
}

/** Loads one resource for a page (a report, a ticket) and refetches when `key` changes. */
export function useLoader<T>(load: () => Promise<T>, key: string): Loader<T> {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const hasData = useRef(false);
  const latestLoad = useRef(load);
  latestLoad.current = load;
  // Answers of an older key (the page switched ids) must not overwrite the current one.
  const generation = useRef(0);

  const fetchNow = useCallback(async (initial: boolean) => {
    const mine = ++generation.current;
    if (initial) {
      hasData.current = false;
      setState({ status: 'loading' });
    }
    try {
      const data = await latestLoad.current();
      if (mine !== generation.current) return;
      hasData.current = true;
      setState({ status: 'ready', data });
    } catch (failure) {
      if (mine !== generation.current) return;
      const error = toApiError(failure);
      if (hasData.current) {
        await Taro.showToast({ title: error.message, icon: 'none' });
      } else {
        setState({ status: 'error', error });
      }
    }
  }, []);

  useEffect(() => {
    void fetchNow(true);
  }, [fetchNow, key]);

  const reload = useCallback(() => fetchNow(!hasData.current), [fetchNow]);
  const replace = useCallback((data: T) => {
    generation.current += 1;
    hasData.current = true;
    setState({ status: 'ready', data });
  }, []);

  return { state, reload, replace };
}
