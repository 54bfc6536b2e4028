import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/**
 * For PATCH bodies: the field may be left out, but when present it is validated even if null.
 * `@IsOptional()` would let `null` through and blank a required column.
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

/** Surrounding spaces are typing accidents, and a name of spaces only must fail its length check. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
