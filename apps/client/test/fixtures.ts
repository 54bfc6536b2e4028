import type { PhotoView } from '@ssp/contracts';
import { ApiError } from '@/services/api';

/** An uploaded photo as the server describes it. */
export function photoView(id: string): PhotoView {
  return {
    id,
    url: `https://api.test/photos/${id}.jpg`,
    thumbUrl: `https://api.test/photos/${id}-thumb.jpg`,
    width: 1280,
    height: 960,
    quality: { ok: true, flags: [] },
  };
}

/** An error body as Taro.uploadFile hands it back: as text. */
export function errorText(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/** The ApiError a call rejects with; fails the test if it resolves or rejects with something else. */
export async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw new Error(`expected an ApiError, got ${String(error)}`);
  }
  throw new Error('expected the call to fail');
}
