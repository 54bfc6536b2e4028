import { ErrorCode } from '@ssp/contracts';

/**
 * What services throw: a code from the contract, a message a person can read, optional details.
 * Services never throw HTTP exceptions; the error filter maps codes to status codes.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, details?: Record<string, unknown>) {
    super(ErrorCode.NOT_FOUND, `${what} not found`, details);
  }
}
