import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CategoryNode } from '@ssp/contracts';
import { taroTest, type FakeResponse } from '@test/taro-mock';
import HomePage from '../index';

const TREE: CategoryNode[] = [
  {
    code: 'CITY_APPEARANCE',
    name: '市容环境',
    description: '垃圾、广告、乱堆乱放',
    children: [
      { code: 'GARBAGE', name: '垃圾堆放', description: '生活垃圾、建筑垃圾', children: [] },
      { code: 'ILLEGAL_AD', name: '违规广告', description: '小广告、横幅', children: [] },
    ],
  },
  {
    code: 'ROADS',
    name: '道路交通',
    description: '路面、井盖、护栏',
    children: [{ code: 'MANHOLE', name: '井盖缺损', description: '井盖缺失、破损、松动', children: [] }],
  },
];

function deferred() {
  let resolve!: (response: FakeResponse) => void;
  const promise = new Promise<FakeResponse>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

function tree(): HTMLElement {
  const element = document.getElementById('category-tree');
  if (!element) throw new Error('category tree not rendered');
  return element;
}

describe('home page', () => {
  beforeEach(() => taroTest.reset());

  it('shows loading, then the two-level tree, and opens a subcategory', async () => {
    const response = deferred();
    taroTest.onRequest(() => response.promise);

    render(<HomePage />);
    expect(document.getElementById('page-loading')).not.toBeNull();
    expect(screen.getByText('加载中…')).toBeTruthy();
    expect(document.getElementById('category-tree')).toBeNull();

    await act(async () => response.resolve({ statusCode: 200, data: TREE }));

    const groups = tree().querySelectorAll('.category-group');
    expect(Array.from(groups, (group) => group.getAttribute('data-code'))).toEqual(['CITY_APPEARANCE', 'ROADS']);
    expect(Array.from(groups[0].querySelectorAll('.category-item'), (item) => item.textContent)).toEqual([
      '垃圾堆放',
      '违规广告',
    ]);
    expect(document.getElementById('page-loading')).toBeNull();

    const manhole = tree().querySelector('.category-item[data-code="MANHOLE"]');
    if (!manhole) throw new Error('subcategory MANHOLE not rendered');
    fireEvent.click(manhole);
    expect(taroTest.taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/report/pages/category/index?code=MANHOLE',
    });
  });

  it('shows the error with a retry button that loads the tree', async () => {
    let calls = 0;
    taroTest.onRequest(() => {
      calls += 1;
      return calls === 1
        ? Promise.reject({ errMsg: 'request:fail' })
        : Promise.resolve({ statusCode: 200, data: TREE });
    });

    render(<HomePage />);

    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    expect(document.getElementById('category-tree')).toBeNull();

    const retry = document.getElementById('retry');
    if (!retry) throw new Error('retry button not rendered');
    fireEvent.click(retry);

    await waitFor(() => expect(tree().querySelectorAll('.category-group')).toHaveLength(2));
    expect(document.getElementById('page-error')).toBeNull();
    expect(calls).toBe(2);
  });

  it('says so when there are no categories', async () => {
    taroTest.onRequest(() => Promise.resolve({ statusCode: 200, data: [] }));

    render(<HomePage />);

    expect(await screen.findByText(/暂无分类/)).toBeTruthy();
    expect(document.getElementById('page-empty')).not.toBeNull();
    expect(document.getElementById('category-tree')).toBeNull();
  });

  it('refetches on pull-down, keeps the tree on failure and stops the spinner', async () => {
    const responses: Array<() => Promise<FakeResponse>> = [
      () => Promise.resolve({ statusCode: 200, data: TREE }),
      () => Promise.resolve({ statusCode: 200, data: TREE.slice(0, 1) }),
      () => Promise.resolve({ statusCode: 503, data: null }),
    ];
    taroTest.onRequest(() => {
      const next = responses.shift();
      if (!next) throw new Error('unexpected request');
      return next();
    });
    render(<HomePage />);
    await waitFor(() => expect(tree().querySelectorAll('.category-group')).toHaveLength(2));

    act(() => taroTest.pullDownToRefresh());
    await waitFor(() => expect(tree().querySelectorAll('.category-group')).toHaveLength(1));
    await waitFor(() => expect(taroTest.taro.stopPullDownRefresh).toHaveBeenCalledTimes(1));

    act(() => taroTest.pullDownToRefresh());
    await waitFor(() => expect(taroTest.taro.stopPullDownRefresh).toHaveBeenCalledTimes(2));
    expect(taroTest.taro.showToast).toHaveBeenCalledWith({ title: '服务暂时不可用，请稍后再试', icon: 'none' });
    expect(tree().querySelectorAll('.category-group')).toHaveLength(1);
  });
});
