import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { RoutingRevisionDetail, RoutingRevisionSummary } from '@ssp/contracts';
import type { RoutingRule } from '@ssp/rules';
import { apiRoutes, bodyOf, json } from '@test/api-routes';
import { ADMIN, signInAs } from '@test/session';
import { taroTest } from '@test/taro-mock';
import RoutingRevisionsPage from '../index';

const LIGHTS: RoutingRule = {
  id: 'street-lights',
  name: '路灯派市政养护',
  order: 10,
  enabled: true,
  when: { all: [{ fact: 'category', operator: 'equal', value: 'GY-01' }] },
  then: { departmentCode: 'SZYH' },
};

function summary(revision: number, overrides: Partial<RoutingRevisionSummary> = {}): RoutingRevisionSummary {
  return {
    revision,
    publishedAt: '2025-06-01T02:00:00.000Z',
    author: { id: 'u-admin', username: 'admin', nickname: '市指挥中心管理员' },
    note: null,
    summary: '新增 0 条、删除 0 条、修改 1 条规则',
    added: 0,
    removed: 0,
    changed: 1,
    ruleCount: 1,
    rolledBackFrom: null,
    live: false,
    ...overrides,
  };
}

const DETAIL: RoutingRevisionDetail = {
  ...summary(1),
  rules: [LIGHTS],
  diff: {
    fromVersion: 0,
    toVersion: 1,
    added: [],
    removed: [],
    changed: [
      {
        id: 'street-lights',
        before: { ...LIGHTS, then: { departmentCode: 'CG' } },
        after: LIGHTS,
        changes: [{ field: 'then.departmentCode', label: '派往部门', before: 'CG', after: 'SZYH' }],
      },
    ],
    identical: false,
    summary: '新增 0 条、删除 0 条、修改 1 条规则',
  },
};

function serve(items: RoutingRevisionSummary[]) {
  taroTest.onRequest(
    apiRoutes({
      'GET /api/v1/admin/routing-rules/revisions': () => json({ items, nextCursor: null }),
      'GET /api/v1/admin/routing-rules/revisions/1': () => json(DETAIL),
      'GET /api/v1/admin/routing-rules': () =>
        json({ version: 7, rules: [], updatedAt: '', updatedBy: null, liveRevision: 2, unpublished: { identical: false, summary: '' } }),
      'POST /api/v1/admin/routing-rules/revisions/1/rollback': () => {
        items.unshift(summary(3, { live: true, rolledBackFrom: 1, summary: '新增 0 条、删除 0 条、修改 1 条规则' }));
        return json({ ...DETAIL, revision: 3 }, 201);
      },
    }),
  );
}

const posts = () => taroTest.taro.request.mock.calls.map(([options]) => options).filter((options) => options.method === 'POST');
const revision = (n: number) => document.querySelector(`.revision[data-revision="${n}"]`) as HTMLElement;

describe('派单规则版本', () => {
  beforeEach(() => {
    taroTest.reset();
    signInAs(ADMIN);
  });

  it('lists revisions with author, note and summary, and opens one with its field changes', async () => {
    serve([summary(2, { live: true, note: '夜间改派' }), summary(1)]);

    render(<RoutingRevisionsPage />);

    await waitFor(() => expect(revision(2)).toBeTruthy());
    expect(revision(2).textContent).toContain('线上');
    expect(revision(2).textContent).toContain('说明：夜间改派');
    expect(revision(2).textContent).toContain('市指挥中心管理员 · 2025-06-01 10:00');
    fireEvent.click(revision(1).querySelector('.revision__top') as HTMLElement);

    expect(await screen.findByText('修改「路灯派市政养护」')).toBeTruthy();
    expect(revision(1).textContent).toContain('派往部门：CG → SZYH');
  });

  it('rolls back only after the admin confirms, against the current draft version', async () => {
    serve([summary(2, { live: true }), summary(1)]);

    render(<RoutingRevisionsPage />);
    await waitFor(() => expect(revision(1)).toBeTruthy());
    fireEvent.click(revision(1).querySelector('.revision__top') as HTMLElement);
    const rollback = () => fireEvent.click(screen.getByText('回滚到此版本'));

    taroTest.answerModal(false);
    rollback();
    await waitFor(() => expect(taroTest.taro.showModal).toHaveBeenCalledTimes(1));
    await act(async () => undefined);
    expect(posts()).toHaveLength(0);

    taroTest.answerModal(true);
    rollback();

    await waitFor(() => expect(revision(3)).toBeTruthy());
    expect(bodyOf(posts()[0])).toEqual({ version: 7, note: '回滚到第 1 版' });
    expect(taroTest.taro.showModal.mock.calls[0][0].content).toContain('第 1 版');
    expect(revision(3).textContent).toContain('回滚自第 1 版');
  });
});
