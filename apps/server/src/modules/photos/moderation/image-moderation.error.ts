import { ErrorCode } from '@ssp/contracts';
import { DomainError } from '../../../core/errors/domain.error';

/**
 * Why a photo could not be moderated. None of them says anything about the photo's content: the intake
 * check treats every one as "not flagged" and records that the check could not run.
 */
export enum ImageModerationFailure {
  /** more photos were waiting than `maxQueue` */
  QUEUE_FULL = 'QUEUE_FULL',
  /** the worker did not answer within `timeoutMs`; it was terminated and is replaced on the next call */
  TIMEOUT = 'TIMEOUT',
  /** the worker died while scoring this photo; it is replaced on the next call */
  WORKER_CRASHED = 'WORKER_CRASHED',
  /** the model could not be loaded (or loading exceeded `startTimeoutMs`); retried on the next call */
  UNAVAILABLE = 'UNAVAILABLE',
  /** the bytes could not be decoded as an image, or the model rejected the pixels */
  INVALID_IMAGE = 'INVALID_IMAGE',
  /** the service is shutting down */
  STOPPED = 'STOPPED',
}

export class ImageModerationError extends DomainError {
  constructor(
    readonly reason: ImageModerationFailure,
    message: string,
  ) {
    super(ErrorCode.SERVICE_UNAVAILABLE, message, { reason });
    this.name = 'ImageModerationError';
  }
}
