import { ErrorCode, type ErrorBody } from '@ssp/contracts';
import { DomainError } from './domain.error';
import { errorCodeOfStatus, httpStatusOf } from './error-status.util';

export interface HttpErrorResponse {
  status: number;
  body: ErrorBody;
  /** true when the cause is ours (a bug or an outage), so it is logged with its stack */
  unexpected: boolean;
}

/** Default messages per code, in words a resident or a staff member understands. */
const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  [ErrorCode.VALIDATION_FAILED]: '请求内容有误，请检查后重试',
  [ErrorCode.MALFORMED_JSON]: '请求内容不是有效的 JSON',
  [ErrorCode.UNAUTHENTICATED]: '请先登录',
  [ErrorCode.FORBIDDEN]: '没有权限进行此操作',
  [ErrorCode.NOT_FOUND]: '请求的内容不存在',
  [ErrorCode.CONFLICT]: '数据已被他人修改，请刷新后重试',
  [ErrorCode.TICKET_STALE_VERSION]: '工单已被他人更新，请刷新后重试',
  [ErrorCode.TICKET_ILLEGAL_TRANSITION]: '工单当前状态不能进行此操作',
  [ErrorCode.PAYLOAD_TOO_LARGE]: '提交的内容过大',
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: '不支持的内容类型',
  [ErrorCode.BUSINESS_RULE]: '当前状态下不能进行此操作',
  [ErrorCode.RATE_LIMITED]: '操作过于频繁，请稍后再试',
  [ErrorCode.SERVICE_UNAVAILABLE]: '服务暂时不可用，请稍后再试',
  [ErrorCode.INTERNAL]: '服务器内部错误，请稍后再试',
};

/** Database driver codes that mean "the database is not reachable right now" rather than a bug. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'SQLITE_BUSY',
]);

function body(code: ErrorCode, message?: string, details?: Record<string, unknown>): ErrorBody {
  return { error: { code, message: message ?? DEFAULT_MESSAGES[code], ...(details ? { details } : {}) } };
}

function propertyOf(error: unknown, key: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;
}

/** Nest's HttpException shape, read structurally so this util needs no framework import. */
function fromHttpException(error: unknown): HttpErrorResponse | undefined {
  const getStatus = propertyOf(error, 'getStatus');
  const getResponse = propertyOf(error, 'getResponse');
  if (typeof getStatus !== 'function' || typeof getResponse !== 'function') return undefined;
  const status = Number(getStatus.call(error));
  const response: unknown = getResponse.call(error);
  const code = errorCodeOfStatus(status);
  const raw = propertyOf(response, 'message');
  // ValidationPipe reports a list of field problems: keep them as details, not as the message.
  if (Array.isArray(raw)) return { status, body: body(code, undefined, { problems: raw }), unexpected: false };
  const custom = propertyOf(response, 'error');
  if (typeof custom === 'object' && custom !== null && typeof propertyOf(custom, 'code') === 'string') {
    return { status, body: { error: custom as ErrorBody['error'] }, unexpected: false };
  }
  return { status, body: body(code), unexpected: status >= 500 };
}

/** Turns anything thrown while handling a request into the contract's error body. Never leaks a stack. */
export function toHttpError(error: unknown): HttpErrorResponse {
  if (error instanceof DomainError) {
    const status = httpStatusOf(error.code);
    return { status, body: body(error.code, error.message, error.details), unexpected: status >= 500 };
  }
  const fromNest = fromHttpException(error);
  if (fromNest) return fromNest;

  const code = propertyOf(error, 'code');
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) {
    return { status: 503, body: body(ErrorCode.SERVICE_UNAVAILABLE), unexpected: true };
  }
  const statusCode = propertyOf(error, 'statusCode');
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const mapped = errorCodeOfStatus(statusCode);
    return { status: statusCode, body: body(mapped), unexpected: false };
  }
  return { status: 500, body: body(ErrorCode.INTERNAL), unexpected: true };
}
