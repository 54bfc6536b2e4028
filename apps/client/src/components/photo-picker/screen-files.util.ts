import { PHOTO_LIMITS } from '@ssp/contracts';

/** A file as `chooseMedia` describes it. `type` is a MIME type on H5 and just 'image' on weapp. */
export interface ChosenFile {
  path: string;
  size: number;
  type?: string;
}

export interface ScreenedFiles {
  accepted: ChosenFile[];
  /** One sentence per kind of file left out, for a toast. */
  problems: string[];
}

const MAX_MEGABYTES = PHOTO_LIMITS.maxBytes / 1024 / 1024;
const ACCEPTED_TYPES: readonly string[] = PHOTO_LIMITS.acceptedMimeTypes;

/**
 * Checks chosen files before anything is uploaded, against the limits the server enforces, so a
 * resident on a slow network does not wait for an upload that is bound to fail with 413 or 415.
 */
export function screenChosenFiles(files: readonly ChosenFile[], remaining: number): ScreenedFiles {
  const tooBig = files.filter((file) => file.size > PHOTO_LIMITS.maxBytes);
  const wrongType = files.filter(
    (file) => file.size <= PHOTO_LIMITS.maxBytes && file.type?.includes('/') && !ACCEPTED_TYPES.includes(file.type),
  );
  const usable = files.filter((file) => !tooBig.includes(file) && !wrongType.includes(file));
  const accepted = usable.slice(0, Math.max(remaining, 0));

  const problems: string[] = [];
  if (tooBig.length > 0) problems.push(`${tooBig.length} 张照片超过 ${MAX_MEGABYTES}MB，未添加`);
  if (wrongType.length > 0) problems.push(`${wrongType.length} 个文件不是 JPG、PNG、WEBP 或 HEIC 照片，未添加`);
  if (usable.length > accepted.length) problems.push(`最多 ${PHOTO_LIMITS.maxPerReport} 张，多出的照片未添加`);
  return { accepted, problems };
}
