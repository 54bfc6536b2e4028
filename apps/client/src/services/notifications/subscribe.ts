import Taro from '@tarojs/taro';

/**
 * Asks the resident, inside the tap that submits, whether WeChat may send them the progress of this
 * report (subscribe messages: one notice per "accept"). Only in the mini-program and only when the
 * deployment configured templates; a refusal or an old WeChat never stops the submission.
 */
export async function askForProgressNotices(templateIds: readonly string[] = SUBSCRIBE_TEMPLATE_IDS): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || templateIds.length === 0) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds: [...templateIds], entityIds: [] });
  } catch {
    // Refused, banned in settings, or not supported: the report is sent all the same.
  }
}
