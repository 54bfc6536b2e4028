import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CategoryNode, ClassificationRuleView } from '@ssp/contracts';
import { apiRoutes, bodyOf, errorBody, json } from '@test/api-routes';
import { ADMIN, signInAs } from '@test/session';
import { taroTest, type FakeResponse } from '@test/taro-mock';
import ClassificationRulesPage from '../index';

const TREE: CategoryNode[] = [
  {
    code: 'JT',
    name: '交通管理',
    description: '',
    children: [{ code: 'JT-03', name: '共享单车乱停放', description: '', children: [] }],
  },
];

function rule(id: string, keyword: string, enabled = true): ClassificationRuleView {
  return {
    id,
    keyword,
    category: { code: 'JT-03', name: '共享单车乱停放' },
    enabled,
    createdAt: '2025-06-01T00:00:00.000Z',
    updatedAt: '2025-06-01T00:00:00.000Z',
  };
}

function serve(create: (body: Record<string, unknown>) => FakeResponse) {
  taroTest.onRequest(
    apiRoutes({
      'GET /api/v1/admin/classification-rules': () => json([rule('c1', '小黄车')]),
      'GET /api/v1/categories': () => json(TREE),
      'POST /api/v1/admin/classification-rules': (options) => create(bodyOf(options)),
      'PATCH /api/v1/admin/classification-rules/c1': (options) => json({ ...rule('c1', '小黄车'), ...bodyOf(options) }),
      'DELETE /api/v1/admin/classification-rules/c1': () => ({ statusCode: 204, data: '' }),
    }),
  );
}

const keywords = () => Array.from(document.querySelectorAll('.classification-rule__keyword'), (element) => element.textContent);
const sent = (method: string) =>
  taroTest.taro.request.mock.calls.map(([options]) => options).filter((options) => options.method === method);

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} not rendered`);
  return element;
}

describe('分类关键词', () => {
  beforeEach(() => {
    taroTest.reset();
    signInAs(ADMIN);
  });

  it('adds keyword → 小类, refusing a keyword without a 小类', async () => {
    serve(() => json(rule('c2', '共享单车'), 201));

    render(<ClassificationRulesPage />);
    await waitFor(() => expect(keywords()).toEqual(['小黄车']));
    expect(screen.getByText('→ 共享单车乱停放')).toBeTruthy();

    fireEvent.click(byId('classification-rule-add'));
    fireEvent.change(byId('classification-keyword'), { target: { value: ' 共享单车 ' } });
    fireEvent.click(byId('classification-rule-submit'));
    expect(screen.getByText('请选择关键词对应的小类')).toBeTruthy();

    fireEvent.click(byId('toggle-categories'));
    // A 大类 only opens its 小类: a keyword rule names a 小类.
    fireEvent.click(await screen.findByText('交通管理'));
    expect(byId('category-value').textContent).toBe('请选择一个小类');
    fireEvent.click(screen.getByText('共享单车乱停放'));
    fireEvent.click(byId('classification-rule-submit'));

    await waitFor(() => expect(keywords()).toEqual(['小黄车', '共享单车']));
    expect(bodyOf(sent('POST')[0])).toEqual({ keyword: '共享单车', categoryCode: 'JT-03' });
  });

  it('shows the server’s refusal of a duplicate keyword', async () => {
    serve(() => errorBody(409, 'CONFLICT', 'duplicate'));

    render(<ClassificationRulesPage />);
    await waitFor(() => expect(keywords()).toEqual(['小黄车']));
    fireEvent.click(byId('classification-rule-add'));
    fireEvent.change(byId('classification-keyword'), { target: { value: '小黄车' } });
    fireEvent.click(byId('toggle-categories'));
    fireEvent.click(await screen.findByText('交通管理'));
    fireEvent.click(screen.getByText('共享单车乱停放'));
    fireEvent.click(byId('classification-rule-submit'));

    expect(await screen.findByText('关键词「小黄车」已有规则，请在列表中修改')).toBeTruthy();
  });

  it('switches a rule off and deletes it after confirmation', async () => {
    serve(() => json(rule('c2', 'x'), 201));

    render(<ClassificationRulesPage />);
    await waitFor(() => expect(keywords()).toEqual(['小黄车']));
    fireEvent.click(screen.getByText('停用'));

    await waitFor(() => expect(document.querySelector('.classification-rule')?.getAttribute('data-enabled')).toBe('false'));
    expect(bodyOf(sent('PATCH')[0])).toEqual({ enabled: false });
    expect(screen.getByText(/（已停用）/)).toBeTruthy();
    await act(async () => undefined);

    taroTest.answerModal(true);
    fireEvent.click(screen.getByText('删除'));

    expect(await screen.findByText('还没有分类关键词，上报全部由模型自动分类')).toBeTruthy();
    expect(sent('DELETE')).toHaveLength(1);
  });
});
