import { ErrorCode } from '@ssp/contracts';

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}

/** The one place where domain error codes become HTTP status codes. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
    case ErrorCode.MALFORMED_JSON:
      return 400;
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.CONFLICT:
    case ErrorCode.TICKET_STALE_VERSION:
    case ErrorCode.TICKET_ILLEGAL_TRANSITION:
      return 409;
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return 413;
    case ErrorCode.UNSUPPORTED_MEDIA_TYPE:
      return 415;
    case ErrorCode.BUSINESS_RULE:
      return 422;
    case ErrorCode.RATE_LIMITED:
      return 429;
    case ErrorCode.SERVICE_UNAVAILABLE:
      return 503;
    case ErrorCode.INTERNAL:
      return 500;
    default:
      return assertNever(code);
  }
}

/** For errors that arrive as an HTTP status only (framework errors), the code that fits. */
export function errorCodeOfStatus(status: number): ErrorCode {
  if (status === 400) return ErrorCode.VALIDATION_FAILED;
  if (status === 401) return ErrorCode.UNAUTHENTICATED;
  if (status === 403) return ErrorCode.FORBIDDEN;
  if (status === 404) return ErrorCode.NOT_FOUND;
  if (status === 405) return ErrorCode.NOT_FOUND;
  if (status === 409) return ErrorCode.CONFLICT;
  if (status === 413) return ErrorCode.PAYLOAD_TOO_LARGE;
  if (status === 415) return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
  if (status === 422) return ErrorCode.BUSINESS_RULE;
  if (status === 429) return ErrorCode.RATE_LIMITED;
  if (status === 503) return ErrorCode.SERVICE_UNAVAILABLE;
  return status >= 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION_FAILED;
}
