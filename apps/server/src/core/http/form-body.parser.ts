import { ErrorCode } from '@ssp/contracts';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors/domain.error';

export const FORM_MAX_FIELDS = 200;

/**
 * `application/x-www-form-urlencoded` into field → value (a repeated field → its values in order), on a
 * null-prototype object so no field name can reach Object.prototype. Pure, for the parser below.
 */
export function parseFormBody(text: string, maxFields = FORM_MAX_FIELDS): Record<string, string | string[]> | null {
  const fields = Object.create(null) as Record<string, string | string[]>;
  let count = 0;
  for (const [name, value] of new URLSearchParams(text)) {
    count += 1;
    if (count > maxFields) return null;
    const previous = fields[name];
    fields[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return fields;
}

/**
 * Form bodies only where a standard requires them (Open311 `POST /requests`): every other route stays
 * JSON-only, so a plain HTML form on another site cannot post to it without a CORS preflight.
 */
export function useFormBodyParser(fastify: FastifyInstance, pathPrefixes: readonly string[]): void {
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (request, body, done) => {
    if (!pathPrefixes.some((prefix) => request.url.startsWith(prefix))) {
      done(new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, '不支持的内容类型，请以 JSON 提交'), undefined);
      return;
    }
    const fields = parseFormBody(body.toString());
    if (!fields) done(new DomainError(ErrorCode.VALIDATION_FAILED, `表单字段过多（最多 ${FORM_MAX_FIELDS} 个）`), undefined);
    else done(null, fields);
  });
}
