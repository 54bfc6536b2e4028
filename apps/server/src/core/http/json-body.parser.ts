import { ErrorCode } from '@ssp/contracts';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors/domain.error';

/**
 * Fastify's own JSON parser (prototype-poisoning checks set to refuse), but failing with a domain error:
 * Nest would otherwise turn Fastify's error into a bare 400 and the caller could not tell a broken
 * body from a field that failed validation.
 */
export function useStrictJsonParser(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  if (fastify.hasContentTypeParser('application/json')) fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    void parseJson(request, body.toString(), (error, value) => {
      if (error) done(new DomainError(ErrorCode.MALFORMED_JSON, '请求内容不是有效的 JSON'), undefined);
      else done(null, value);
    });
  });
}
