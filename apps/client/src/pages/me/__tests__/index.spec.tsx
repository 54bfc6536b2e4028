import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { apiRoutes, errorBody, json } from '@test/api-routes';
import { ADMIN, STAFF, signInAs } from '@test/session';
import { taroTest } from '@test/taro-mock';
import { getSessionUser } from '@/stores/session';
import MePage from '../index';

function identity(): string {
  return document.getElementById('identity')?.textContent ?? '';
}

describe('我的 page', () => {
  beforeEach(() => taroTest.reset());

  it('shows a signed-in staff member with the way to the inbox, and signs out', async () => {
    signInAs(STAFF);
    taroTest.onRequest(apiRoutes({ 'GET /api/v1/me': () => json(STAFF) }));

    render(<MePage />);

    expect(identity()).toBe(STAFF.nickname);
    expect(screen.getByText(`工作人员 · ${STAFF.department?.name}`)).toBeTruthy();
    fireEvent.click(screen.getByText('进入工单箱'));
    expect(taroTest.taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/inbox/index' });

    fireEvent.click(screen.getByText('退出登录'));

    expect(identity()).toBe('未登录');
    expect(getSessionUser()).toBeNull();
    expect(screen.getByText('体验登录')).toBeTruthy();
  });

  it('shows the server’s current identity when the page shows, and signed out after a 401', async () => {
    signInAs(STAFF);
    const renamed = { ...STAFF, nickname: '王志强（养护一所）' };
    let answer = json(renamed);
    taroTest.onRequest(apiRoutes({ 'GET /api/v1/me': () => answer }));
    render(<MePage />);

    act(() => taroTest.show());
    await waitFor(() => expect(identity()).toBe('王志强（养护一所）'));

    answer = errorBody(401, 'UNAUTHENTICATED', '登录已失效，请重新登录');
    act(() => taroTest.show());
    await waitFor(() => expect(identity()).toBe('未登录'));
  });

  it('leads an admin to triage, the moderation queue and the rule lists', () => {
    signInAs(ADMIN);
    taroTest.onRequest(apiRoutes({ 'GET /api/v1/me': () => json(ADMIN) }));

    render(<MePage />);
    for (const [label, url] of [
      ['分拨台', '/packages/admin/pages/triage/index'],
      ['审核队列', '/packages/admin/pages/moderation/index'],
      ['敏感词管理', '/packages/admin/pages/word-rules/index'],
      ['分类关键词', '/packages/admin/pages/classification-rules/index'],
    ]) {
      fireEvent.click(screen.getByText(label));
      expect(taroTest.taro.navigateTo).toHaveBeenLastCalledWith({ url });
    }
  });
});
