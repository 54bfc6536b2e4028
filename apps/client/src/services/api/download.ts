import Taro from '@tarojs/taro';
import { isErrorBody } from '@ssp/contracts';
import { isWeapp } from '@/utils/platform';
import { ApiError, errorForStatus, errorForTransportFailure } from './api-error';
import { authHeader } from './request';

/** Exports of a long range take a while to build and stream. */
export const DOWNLOAD_TIMEOUT_MS = 120_000;

/** A downloaded file: a Blob in the browser, a temporary file path in the mini program. */
export type DownloadedFile = { kind: 'blob'; blob: Blob } | { kind: 'file'; tempFilePath: string };

function queryString(query: Record<string, string>): string {
  const pairs = Object.entries(query).map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

async function downloadInBrowser(url: string, header: Record<string, string>): Promise<DownloadedFile> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), DOWNLOAD_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, { headers: header, signal: controller.signal });
  } catch (failure) {
    throw errorForTransportFailure(failure);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    if (isErrorBody(body)) throw new ApiError(response.status, body.error.code, body.error.message, body.error.details);
    throw errorForStatus(response.status);
  }
  return { kind: 'blob', blob: await response.blob() };
}

async function downloadInWeapp(url: string, header: Record<string, string>): Promise<DownloadedFile> {
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await Taro.downloadFile({ url, header, timeout: DOWNLOAD_TIMEOUT_MS });
  } catch (failure) {
    throw errorForTransportFailure(failure);
  }
  if (result.statusCode !== 200) throw errorForStatus(result.statusCode);
  return { kind: 'file', tempFilePath: result.tempFilePath };
}

/**
 * Downloads a file the API streams (an export) with the session's token; rejects with an ApiError
 * like every request. Saving or opening it is the caller's.
 */
export function apiDownload(path: string, query: Record<string, string> = {}): Promise<DownloadedFile> {
  const { header } = authHeader();
  const url = `${API_BASE}${path}${queryString(query)}`;
  return isWeapp() ? downloadInWeapp(url, header) : downloadInBrowser(url, header);
}
