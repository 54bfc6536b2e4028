import { taroTest } from '@test/taro-mock';
import { askForProgressNotices } from '../subscribe';

describe('askForProgressNotices', () => {
  const env = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = env;
  });

  it('asks WeChat for the configured templates in the mini-program', async () => {
    process.env.TARO_ENV = 'weapp';
    await askForProgressNotices(['tmpl-status', 'tmpl-resolved']);
    expect(taroTest.taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-status', 'tmpl-resolved'], entityIds: [] });
  });

  it('never asks in the browser or without templates, and a refusal does not throw', async () => {
    taroTest.taro.requestSubscribeMessage.mockClear();
    process.env.TARO_ENV = 'h5';
    await askForProgressNotices(['tmpl-status']);
    process.env.TARO_ENV = 'weapp';
    await askForProgressNotices([]);
    expect(taroTest.taro.requestSubscribeMessage).not.toHaveBeenCalled();
    taroTest.taro.requestSubscribeMessage.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail cancel' });
    await expect(askForProgressNotices(['tmpl-status'])).resolves.toBeUndefined();
  });
});
