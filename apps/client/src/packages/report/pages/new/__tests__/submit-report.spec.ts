import { ApiError } from '@/services/api';
import { submitFailureText, waitText } from '../submit-report';

describe('submit failure wording', () => {
  it('rounds the wait up to what a resident reads', () => {
    expect(waitText(0.4)).toBe('1 秒');
    expect(waitText(45)).toBe('45 秒');
    expect(waitText(61)).toBe('2 分钟');
    expect(waitText(3600)).toBe('1 小时');
    expect(waitText(5400)).toBe('1 小时 30 分钟');
  });

  it('names the wait of a rate limit, and the cause of any other failure', () => {
    const limited = new ApiError(429, 'RATE_LIMITED', '操作过于频繁', { retryAfterSeconds: 30 });
    expect(submitFailureText(limited)).toMatch(/^您提交得太频繁了，请30 秒后再试。/);
    expect(submitFailureText(new ApiError(429, 'RATE_LIMITED', '操作过于频繁'))).toMatch(/^您提交得太频繁了，请稍后再试。/);
    expect(submitFailureText(new ApiError(0, 'NETWORK_ERROR', '网络连接失败'))).toMatch(/^提交失败：网络连接失败。/);
  });
});
