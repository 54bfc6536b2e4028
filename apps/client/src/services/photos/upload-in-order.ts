import type { PhotoView } from '@ssp/contracts';
import { uploadPhoto } from '@/services/api';

export interface PendingPhoto {
  src: string;
  /** Already uploaded (an earlier attempt): sent by id, not uploaded again. */
  photoId: string | null;
}

export interface UploadListener {
  onProgress: (src: string, percent: number) => void;
  /** Keep the id now: if a later step fails, a retry must not upload this photo again. */
  onUploaded: (src: string, photo: PhotoView) => void;
  onFailed: (src: string) => void;
}

/**
 * Uploads the photos that have no id yet, one at a time (kinder to a weak uplink, and each gets its
 * own progress bar), and resolves with every photo's id in order. Rejects with the first failure.
 */
export async function uploadInOrder(photos: readonly PendingPhoto[], listener: UploadListener): Promise<string[]> {
  const ids: string[] = [];
  for (const photo of photos) {
    if (photo.photoId) {
      ids.push(photo.photoId);
      continue;
    }
    let uploaded: PhotoView;
    try {
      uploaded = await uploadPhoto(photo.src, (percent) => listener.onProgress(photo.src, percent));
    } catch (failure) {
      listener.onFailed(photo.src);
      throw failure;
    }
    listener.onUploaded(photo.src, uploaded);
    ids.push(uploaded.id);
  }
  return ids;
}
