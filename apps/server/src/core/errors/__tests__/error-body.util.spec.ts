import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { ErrorCode } from '@ssp/contracts';
import { DomainError } from '../domain.error';
import { toHttpError } from '../error-body.util';
import { httpStatusOf } from '../error-status.util';

describe('toHttpError', () => {
  it('maps every domain error code to a distinct, sensible status', () => {
    const statuses = Object.values(ErrorCode).map((code) => httpStatusOf(code));
    for (const status of statuses) expect(status).toBeGreaterThanOrEqual(400);
    expect(httpStatusOf(ErrorCode.CONFLICT)).toBe(409);
    expect(httpStatusOf(ErrorCode.BUSINESS_RULE)).toBe(422);
  });

  it('keeps a domain error’s message and details', () => {
    const result = toHttpError(new DomainError(ErrorCode.RATE_LIMITED, '请 30 秒后再试', { retryAfterSeconds: 30 }));
    expect(result).toEqual({
      status: 429,
      body: { error: { code: 'RATE_LIMITED', message: '请 30 秒后再试', details: { retryAfterSeconds: 30 } } },
      unexpected: false,
    });
  });

  it('turns validation messages into details, not the message', () => {
    const result = toHttpError(new BadRequestException(['score must not be greater than 5']));
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('VALIDATION_FAILED');
    expect(result.body.error.details).toEqual({ problems: ['score must not be greater than 5'] });
  });

  it('does not echo framework messages that may carry internals', () => {
    const result = toHttpError(new NotFoundException('Cannot GET /api/v1/secret-admin-path'));
    expect(result.body.error).toEqual({ code: 'NOT_FOUND', message: '请求的内容不存在' });
    expect(toHttpError(new HttpException('Request body is too large', 413)).body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('reports a lost database connection as 503 and anything unknown as 500 without details', () => {
    const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });
    expect(toHttpError(lost)).toMatchObject({ status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE' } } });
    const crash = toHttpError(new TypeError('Cannot read properties of undefined (reading "id")'));
    expect(crash).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试' } },
      unexpected: true,
    });
  });
});
