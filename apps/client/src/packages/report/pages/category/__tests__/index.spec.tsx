import { fireEvent, render, screen } from '@testing-library/react';
import type { CategoryNode } from '@ssp/contracts';
import { taroTest } from '@test/taro-mock';
import { rememberCategories } from '@/stores/category-catalog';
import CategoryPage from '../index';

const TREE: CategoryNode[] = [
  {
    code: 'ROADS',
    name: '道路交通',
    description: '路面、井盖、护栏',
    children: [
      { code: 'MANHOLE', name: '井盖缺损', description: '井盖缺失、破损、松动', children: [] },
      { code: 'POTHOLE', name: '路面破损', description: '坑洼、塌陷', children: [] },
    ],
  },
];

function detail(): HTMLElement {
  const element = document.getElementById('category-detail');
  if (!element) throw new Error('category detail not rendered');
  return element;
}

// The in-memory category store is module state: it starts empty in this file, so the first test is
// the "opened from a link" case and later ones fill the store themselves.
describe('category detail page', () => {
  beforeEach(() => taroTest.reset());

  it('fetches the tree when opened directly and shows the subcategory with its parent and photo tips', async () => {
    taroTest.setRouterParams({ code: 'MANHOLE' });
    taroTest.onRequest(() => Promise.resolve({ statusCode: 200, data: TREE }));

    render(<CategoryPage />);

    expect(await screen.findByText('井盖缺失、破损、松动')).toBeTruthy();
    expect(detail().getAttribute('data-code')).toBe('MANHOLE');
    expect(screen.getByText('道路交通')).toBeTruthy();
    expect(document.querySelectorAll('#photo-tips .category-detail__tip')).toHaveLength(3);
    expect(taroTest.taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '井盖缺损' });

    fireEvent.click(screen.getByText('拍这类问题'));
    expect(taroTest.taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/report/pages/new/index?category=MANHOLE' });
  });

  it('uses the tree already loaded by the home page and lists a top category’s subcategories', () => {
    rememberCategories(TREE);
    taroTest.setRouterParams({ code: 'ROADS' });

    render(<CategoryPage />);

    expect(taroTest.taro.request).not.toHaveBeenCalled();
    const children = detail().querySelectorAll('.category-detail__child');
    expect(Array.from(children, (child) => child.getAttribute('data-code'))).toEqual(['MANHOLE', 'POTHOLE']);

    fireEvent.click(children[1]);
    expect(taroTest.taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/report/pages/category/index?code=POTHOLE' });
  });

  it('says so when the code is unknown', () => {
    rememberCategories(TREE);
    taroTest.setRouterParams({ code: 'NO_SUCH_CODE' });

    render(<CategoryPage />);

    expect(screen.getByText(/未找到该分类/)).toBeTruthy();
    expect(document.getElementById('category-detail')).toBeNull();
  });
});
