import Taro from '@tarojs/taro';
import { errorForTransportFailure } from './api-error';
import { authHeader, resultOf } from './request';

/** A compressed phone photo is 0.2–3 MB; a minute covers that on a slow uplink without hanging forever. */
export const UPLOAD_TIMEOUT_MS = 60_000;

export interface ApiUpload {
  /** Path below the API origin, e.g. `/api/v1/photos`. */
  path: string;
  /** Local file: a weapp temp path, or the blob: URL `chooseMedia` gives on H5. */
  filePath: string;
  /** Multipart field name. */
  field?: string;
  /** Percent sent, 0–100, as the platform reports it. */
  onProgress?: (percent: number) => void;
}

/** uploadFile hands back the body as text on both platforms. */
function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Uploads one file as multipart/form-data (one file per request, the way `wx.uploadFile` works) and
 * resolves with the JSON body, or rejects with an ApiError exactly like {@link apiRequest}.
 */
export async function apiUpload<T>({ path, filePath, field = 'file', onProgress }: ApiUpload): Promise<T> {
  const { header, sentToken } = authHeader();
  let response: Taro.uploadFile.SuccessCallbackResult;
  try {
    const task = Taro.uploadFile({
      url: `${API_BASE}${path}`,
      filePath,
      name: field,
      header: { Accept: 'application/json', ...header },
      timeout: UPLOAD_TIMEOUT_MS,
    });
    if (onProgress) task.onProgressUpdate((update) => onProgress(update.progress));
    response = await task;
  } catch (failure) {
    throw errorForTransportFailure(failure);
  }
  return resultOf<T>(response.statusCode, parseBody(response.data), sentToken);
}
