import { ErrorCode } from '@ssp/contracts';

/** Failures that happen before the server could answer with its own error body. */
export enum ClientErrorCode {
  NETWORK_ERROR = 'NETWORK_ERROR',
  TIMEOUT = 'TIMEOUT',
  BAD_RESPONSE = 'BAD_RESPONSE',
  /** An HTTP error status without an error body, for statuses the contract gives no code of its own. */
  HTTP_ERROR = 'HTTP_ERROR',
  /** The platform login (`wx.login`) gave no code to exchange. */
  LOGIN_FAILED = 'LOGIN_FAILED',
  /** A bug on our side surfaced as a failure; keeps pages from crashing on it. */
  UNEXPECTED = 'UNEXPECTED',
}

/**
 * The only error type the api layer rejects with, so pages can show `message` as it is.
 * `status` is 0 when no HTTP response arrived; `code` is the server's code when it sent one;
 * `details` is the server's machine-readable extra (e.g. `retryAfterSeconds` of a locked login).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const NETWORK_FAILURE_MESSAGE = '网络连接失败，请检查网络后重试';
export const TIMEOUT_MESSAGE = '请求超时，请稍后重试';
export const SERVER_UNAVAILABLE_MESSAGE = '服务暂时不可用，请稍后再试';
export const BAD_RESPONSE_MESSAGE = '服务返回的数据无法识别，请稍后再试';

/** For responses without a usable `{ error }` body (proxies, gateways, an empty 404). */
export function errorForStatus(status: number): ApiError {
  if (status >= 500) return new ApiError(status, ErrorCode.SERVICE_UNAVAILABLE, SERVER_UNAVAILABLE_MESSAGE);
  switch (status) {
    case 400:
      return new ApiError(status, ErrorCode.VALIDATION_FAILED, '提交的内容有误，请检查后重试');
    case 401:
      return new ApiError(status, ErrorCode.UNAUTHENTICATED, '登录已失效，请重新登录');
    case 403:
      return new ApiError(status, ErrorCode.FORBIDDEN, '没有权限进行此操作');
    case 404:
      return new ApiError(status, ErrorCode.NOT_FOUND, '请求的内容不存在');
    case 413:
      return new ApiError(status, ErrorCode.PAYLOAD_TOO_LARGE, '上传的内容过大');
    case 415:
      return new ApiError(status, ErrorCode.UNSUPPORTED_MEDIA_TYPE, '文件格式不支持，请上传照片');
    case 409:
      return new ApiError(status, ErrorCode.CONFLICT, '内容已有更新，请刷新后重试');
    case 429:
      return new ApiError(status, ErrorCode.RATE_LIMITED, '操作过于频繁，请稍后再试');
    default:
      return new ApiError(status, ClientErrorCode.HTTP_ERROR, `请求失败（${status}），请稍后重试`);
  }
}

/** Seconds the server asked us to wait (a locked login, a rate limit), or null when it did not say. */
export function retryAfterSeconds(error: ApiError): number | null {
  const value = error.details.retryAfterSeconds;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

/**
 * Taro.request rejects with `{ errMsg: 'request:fail …' }` on weapp, and on H5 with the fetch error:
 * a TypeError when offline, an AbortError when Taro's own timeout aborts the fetch. Taro.uploadFile
 * rejects with `{ errMsg: 'uploadFile:fail …' }` on both (H5: `… timeout` / `… abort` from its XHR).
 */
export function errorForTransportFailure(failure: unknown): ApiError {
  const text =
    failure instanceof Error
      ? `${failure.name} ${failure.message}`
      : typeof failure === 'object' && failure !== null
        ? String((failure as { errMsg?: unknown }).errMsg ?? '')
        : String(failure);
  if (/timeout|timed out|abort/i.test(text)) {
    return new ApiError(0, ClientErrorCode.TIMEOUT, TIMEOUT_MESSAGE);
  }
  return new ApiError(0, ClientErrorCode.NETWORK_ERROR, NETWORK_FAILURE_MESSAGE);
}

/** Narrows anything a caller caught to an ApiError, for code paths that mix the api layer with others. */
export function toApiError(failure: unknown): ApiError {
  return failure instanceof ApiError ? failure : new ApiError(0, ClientErrorCode.UNEXPECTED, '出了点问题，请重试');
}
