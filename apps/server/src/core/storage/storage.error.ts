import { ErrorCode } from '@ssp/contracts';
import { DomainError } from '../errors/domain.error';

/** The storage backend failed (disk full, bucket unreachable, credentials refused): retrying later may work. */
export class StorageUnavailableError extends DomainError {
  constructor(
    operation: 'put' | 'get' | 'delete' | 'sign',
    readonly storageKey: string,
    cause: unknown,
  ) {
    super(ErrorCode.SERVICE_UNAVAILABLE, '照片存储暂时不可用，请稍后重试', { operation });
    // Kept for the error log (the filter logs the cause of every 5xx); never sent to the caller.
    this.cause = cause;
  }
}

export class StoredObjectNotFoundError extends DomainError {
  constructor() {
    super(ErrorCode.NOT_FOUND, '文件不存在或已删除');
  }
}
