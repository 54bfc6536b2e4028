import type { PhotoView } from '@ssp/contracts';
import { apiUpload } from './upload';

/** One photo per request; 413 when too big, 415 when the content is not an image. */
export function uploadPhoto(filePath: string, onProgress?: (percent: number) => void): Promise<PhotoView> {
  return apiUpload<PhotoView>({ path: '/api/v1/photos', filePath, onProgress });
}
