import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { CategoryNode } from '@ssp/contracts';
import { fetchCategories, toApiError } from '@/services/api';
import { rememberCategories, rememberedCategories } from '@/stores/category-catalog';
import type { LoadState } from '@/components/page-state';

export interface CategoryTree {
  state: LoadState<CategoryNode[]>;
  /** Refetches; while a tree is on screen it stays there and a failure is shown as a toast. */
  reload: () => Promise<void>;
}

/**
 * Loads the category tree on mount. With `preferRemembered` a tree fetched earlier in this session is
 * shown without a request (detail pages); the home page always asks the server.
 */
export function useCategoryTree({ preferRemembered = false } = {}): CategoryTree {
  const [state, setState] = useState<LoadState<CategoryNode[]>>(() => {
    const remembered = preferRemembered ? rememberedCategories() : null;
    return remembered ? { status: 'ready', data: remembered } : { status: 'loading' };
  });
  const hasData = useRef(state.status === 'ready');

  const reload = useCallback(async () => {
    if (!hasData.current) setState({ status: 'loading' });
    try {
      const categories = await fetchCategories();
      rememberCategories(categories);
      hasData.current = true;
      setState({ status: 'ready', data: categories });
    } catch (failure) {
      const error = toApiError(failure);
      if (hasData.current) {
        await Taro.showToast({ title: error.message, icon: 'none' });
      } else {
        setState({ status: 'error', error });
      }
    }
  }, []);

  useEffect(() => {
    if (!hasData.current) void reload();
  }, [reload]);

  return { state, reload };
}
