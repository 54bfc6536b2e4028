import { isErrorBody } from '../errors';

describe('isErrorBody', () => {
  it('recognises the contract error body', () => {
    expect(isErrorBody({ error: { code: 'NOT_FOUND', message: '请求的内容不存在' } })).toBe(true);
    expect(isErrorBody({ error: { code: 'CONFLICT', message: 'x', details: { version: 2 } } })).toBe(true);
  });

  it.each([null, undefined, 'error', [], {}, { error: null }, { error: { code: 1, message: 'x' } }, { error: { code: 'X' } }])(
    'rejects %j',
    (value) => {
      expect(isErrorBody(value)).toBe(false);
    },
  );
});
