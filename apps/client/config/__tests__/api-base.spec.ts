import { resolveApiBase } from '../api-base';

describe('resolveApiBase', () => {
  it('allows same origin (empty) for H5 and trims a trailing slash', () => {
    expect(resolveApiBase({ TARO_ENV: 'h5' })).toBe('');
    expect(resolveApiBase({ TARO_ENV: 'h5', API_BASE: 'http://localhost:3000/' })).toBe('http://localhost:3000');
  });

  it('requires an https API_BASE for weapp', () => {
    expect(() => resolveApiBase({ TARO_ENV: 'weapp' })).toThrow(/API_BASE is required/);
    expect(() => resolveApiBase({ TARO_ENV: 'weapp', API_BASE: 'http://10.0.0.2:3000' })).toThrow(/https/);
    expect(resolveApiBase({ TARO_ENV: 'weapp', API_BASE: 'https://ssp.example.cn' })).toBe('https://ssp.example.cn');
  });

  it('accepts http for weapp only with TARO_APP_ALLOW_HTTP=1', () => {
    expect(resolveApiBase({ TARO_ENV: 'weapp', API_BASE: 'http://10.0.0.2:3000', TARO_APP_ALLOW_HTTP: '1' })).toBe(
      'http://10.0.0.2:3000',
    );
    expect(() => resolveApiBase({ TARO_ENV: 'weapp', TARO_APP_ALLOW_HTTP: '1' })).toThrow(/API_BASE is required/);
  });

  it('rejects something that is not an http(s) URL', () => {
    expect(() => resolveApiBase({ TARO_ENV: 'h5', API_BASE: 'api.example.cn' })).toThrow(/absolute/);
  });
});
