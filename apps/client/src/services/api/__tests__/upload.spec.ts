import { ErrorCode } from '@ssp/contracts';
import { errorText, failureOf, photoView } from '@test/fixtures';
import { RESIDENT, signInAs } from '@test/session';
import { taroTest } from '@test/taro-mock';
import { ClientErrorCode, uploadPhoto } from '@/services/api';
import { getAccessToken } from '@/stores/session';

const PHOTO = photoView('p1');

describe('uploadPhoto (Taro.uploadFile)', () => {
  beforeEach(() => taroTest.reset());

  it('posts the file as multipart field "file" with the token, reports progress and parses the text body', async () => {
    signInAs(RESIDENT, 'token-abc');
    taroTest.onUpload(async (_options, progress) => {
      await Promise.resolve(); // the platform reports progress after the task is handed out
      progress(30);
      progress(100);
      return { statusCode: 201, data: JSON.stringify(PHOTO) };
    });
    const seen: number[] = [];

    await expect(uploadPhoto('blob:http://localhost/1', (percent) => seen.push(percent))).resolves.toEqual(PHOTO);

    const options = taroTest.taro.uploadFile.mock.calls[0][0];
    expect(options).toMatchObject({ url: 'https://api.test/api/v1/photos', filePath: 'blob:http://localhost/1', name: 'file' });
    expect(options.header).toMatchObject({ Authorization: 'Bearer token-abc' });
    expect(options.timeout).toBeGreaterThan(0);
    expect(seen).toEqual([30, 100]);
  });

  it("passes the server's 413 code and message through", async () => {
    taroTest.onUpload(() =>
      Promise.resolve({ statusCode: 413, data: errorText('PAYLOAD_TOO_LARGE', '照片不能超过 10MB') }),
    );

    const error = await failureOf(uploadPhoto('wxfile://tmp/1.jpg'));

    expect(error).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', message: '照片不能超过 10MB' });
  });

  it('maps a 415 without an error body (a proxy) to UNSUPPORTED_MEDIA_TYPE', async () => {
    taroTest.onUpload(() => Promise.resolve({ statusCode: 415, data: '<html>Unsupported</html>' }));

    const error = await failureOf(uploadPhoto('wxfile://tmp/1.gif'));

    expect(error).toMatchObject({ status: 415, code: ErrorCode.UNSUPPORTED_MEDIA_TYPE, message: '文件格式不支持，请上传照片' });
  });

  it.each([
    ['a dropped connection', { errMsg: 'uploadFile:fail ' }, ClientErrorCode.NETWORK_ERROR],
    ['a timeout', { errMsg: 'uploadFile:fail timeout' }, ClientErrorCode.TIMEOUT],
  ])('turns %s into an ApiError without a status', async (_case, failure, code) => {
    taroTest.onUpload(() => Promise.reject(failure));

    const error = await failureOf(uploadPhoto('wxfile://tmp/1.jpg'));

    expect(error).toMatchObject({ status: 0, code });
  });

  it('rejects a success whose body is not JSON', async () => {
    taroTest.onUpload(() => Promise.resolve({ statusCode: 201, data: 'OK' }));

    const error = await failureOf(uploadPhoto('wxfile://tmp/1.jpg'));

    expect(error.code).toBe(ClientErrorCode.BAD_RESPONSE);
  });

  it('ends the session when the server no longer accepts its token', async () => {
    signInAs(RESIDENT, 'token-old');
    taroTest.onUpload(() => Promise.resolve({ statusCode: 401, data: errorText('UNAUTHENTICATED', '登录已失效，请重新登录') }));

    const error = await failureOf(uploadPhoto('wxfile://tmp/1.jpg'));

    expect(error.status).toBe(401);
    expect(getAccessToken()).toBeNull();
  });
});
