import { ErrorCode } from '@ssp/contracts';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors/domain.error';
import { MAX_JSON_DEPTH, jsonNestsDeeperThan } from './json-depth.util';

/**
 * Fastify's own JSON parser (prototype-poisoning checks set to refuse), but failing with a domain error:
 * Nest would otherwise turn Fastify's error into a bare 400 and the caller could not tell a broken
 * body from a field that failed validation.
 */
export function useStrictJsonParser(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  if (fastify.hasContentTypeParser('application/json')) fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(new DomainError(ErrorCode.VALIDATION_FAILED, `请求内容嵌套层级过深（最多 ${MAX_JSON_DEPTH} 层）`), undefined);
      return;
    }
    void parseJson(request, text, (error, value) => {
      if (error) done(new DomainError(ErrorCode.MALFORMED_JSON, '请求内容不是有效的 JSON'), undefined);
      else done(null, value);
    });
  });
}
