import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Me } from '@ssp/contracts';
import { apiRoutes, errorBody, json } from '@test/api-routes';
import { ADMIN, STAFF } from '@test/session';
import { taroTest } from '@test/taro-mock';
import { getSessionUser } from '@/stores/session';
import StaffLoginPage from '../index';

const loginAnswers = (user: Me) => apiRoutes({ 'POST /api/v1/auth/login': () => json({ accessToken: 't', expiresIn: 3600, user }) });

function fill(username: string, password: string): void {
  fireEvent.change(document.getElementById('username') as HTMLElement, { target: { value: username } });
  fireEvent.change(document.getElementById('password') as HTMLElement, { target: { value: password } });
  fireEvent.click(document.getElementById('login-submit') as HTMLElement);
}

describe('staff login page', () => {
  beforeEach(() => taroTest.reset());

  it('sends staff to their inbox and admins to triage', async () => {
    taroTest.onRequest(loginAnswers(STAFF));
    render(<StaffLoginPage />);
    fill('staff.szyh', 'secret-1');
    await waitFor(() => expect(taroTest.taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/inbox/index' }));
    expect(getSessionUser()).toEqual(STAFF);

    taroTest.onRequest(loginAnswers(ADMIN));
    fill('admin', 'secret-2');
    const triage = { url: '/packages/admin/pages/triage/index' };
    await waitFor(() => expect(taroTest.taro.redirectTo).toHaveBeenLastCalledWith(triage));
  });

  it('says the name or password is wrong on 401 and clears the password', async () => {
    taroTest.onRequest(apiRoutes({ 'POST /api/v1/auth/login': () => errorBody(401, 'UNAUTHENTICATED', '用户名或密码错误') }));
    render(<StaffLoginPage />);

    fill('staff.szyh', 'wrong');

    expect(await screen.findByText('用户名或密码错误')).toBeTruthy();
    expect((document.getElementById('password') as HTMLInputElement).value).toBe('');
    expect(taroTest.taro.redirectTo).not.toHaveBeenCalled();
  });

  it('holds the button while the account is locked (429 with retryAfterSeconds)', async () => {
    taroTest.onRequest(
      apiRoutes({
        'POST /api/v1/auth/login': () => errorBody(429, 'RATE_LIMITED', '登录失败次数过多，请 15 分钟后再试', { retryAfterSeconds: 900 }),
      }),
    );
    render(<StaffLoginPage />);

    fill('staff.szyh', 'wrong');

    expect(await screen.findByText(/登录失败次数过多/)).toBeTruthy();
    const button = document.getElementById('login-submit') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.textContent).toMatch(/^请 1[45]分\d+秒 后再试$/);
  });
});
