import Taro from '@tarojs/taro';
import type { Me } from '@ssp/contracts';
import { ApiError, ClientErrorCode, loginAsTrialResident, loginWithWechat } from '@/services/api';
import { saveSession } from '@/stores/session';
import { trialResidentId } from '@/stores/trial-identity';
import { isWeapp } from '@/utils/platform';

const WECHAT_LOGIN_FAILED = '微信登录失败，请稍后重试';

async function wechatCode(): Promise<string> {
  try {
    const { code } = await Taro.login();
    if (code) return code;
  } catch {
    // falls through to the same message: the resident can only try again either way
  }
  throw new ApiError(0, ClientErrorCode.LOGIN_FAILED, WECHAT_LOGIN_FAILED);
}

/**
 * Signs a resident in and stores the session: in the mini program with the code of `wx.login`
 * (no prompt, the way WeChat users expect), in H5 with the trial login of this device.
 */
export async function signInResident(): Promise<Me> {
  const auth = isWeapp()
    ? await loginWithWechat({ code: await wechatCode() })
    : await loginAsTrialResident({ openid: trialResidentId(), nickname: '体验用户' });
  saveSession(auth);
  return auth.user;
}
