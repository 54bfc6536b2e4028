import Taro from '@tarojs/taro';
import { isErrorBody } from '@ssp/contracts';
import { clearSession, getAccessToken } from '@/stores/session';
import { ApiError, BAD_RESPONSE_MESSAGE, ClientErrorCode, errorForStatus, errorForTransportFailure } from './api-error';

/** Long enough for a slow 3G link, short enough that a dead one turns into a retry button. */
export const REQUEST_TIMEOUT_MS = 15_000;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  method?: HttpMethod;
  /** Path below the API origin, e.g. `/api/v1/categories`. */
  path: string;
  /** JSON body, or query parameters for GET. */
  data?: object;
  /**
   * Send no token: logins must not carry another account's token, or their 401 ("wrong password")
   * would be taken for that session's end.
   */
  anonymous?: boolean;
}

/** The Authorization header for the stored session, and the token it carries (null: none sent). */
export function authHeader(anonymous = false): { header: Record<string, string>; sentToken: string | null } {
  const token = anonymous ? null : getAccessToken();
  return { header: token ? { Authorization: `Bearer ${token}` } : {}, sentToken: token };
}

/**
 * Turns an HTTP answer into the body or an {@link ApiError}. A 401 to the token we sent ends that
 * session (pages show the login again); a late 401 for an older token leaves a newer login alone.
 */
export function resultOf<T>(statusCode: number, body: unknown, sentToken: string | null): T {
  if (statusCode >= 200 && statusCode < 300) {
    // H5 turns an unparsable body into null and weapp hands back the raw string: neither is our API.
    if (statusCode !== 204 && (body === null || body === undefined || typeof body === 'string')) {
      throw new ApiError(statusCode, ClientErrorCode.BAD_RESPONSE, BAD_RESPONSE_MESSAGE);
    }
    return body as T;
  }
  if (statusCode === 401 && sentToken !== null && getAccessToken() === sentToken) clearSession();
  if (isErrorBody(body)) throw new ApiError(statusCode, body.error.code, body.error.message, body.error.details);
  throw errorForStatus(statusCode);
}

/**
 * Sends one JSON request to the API and resolves with the response body, or rejects with an
 * {@link ApiError} — never anything else, and never navigates: deciding what a 401 means is the page's job.
 * The body is trusted to match `T` (the contract is shared through @ssp/contracts).
 */
export async function apiRequest<T>({ method = 'GET', path, data, anonymous = false }: ApiRequest): Promise<T> {
  const { header, sentToken } = authHeader(anonymous);

  // The declared data type is what Taro's typings allow; at run time it may also be null (H5).
  let response: Taro.request.SuccessCallbackResult<TaroGeneral.IAnyObject | string>;
  try {
    response = await Taro.request<TaroGeneral.IAnyObject | string>({
      url: `${API_BASE}${path}`,
      method,
      data,
      header: { Accept: 'application/json', ...header },
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    });
  } catch (failure) {
    throw errorForTransportFailure(failure);
  }
  return resultOf<T>(response.statusCode, response.data, sentToken);
}
