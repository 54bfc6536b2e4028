import type { FastifyReply } from 'fastify';
import type { ErrorRenderer } from '../../core/errors/all-exceptions.filter';
import type { HttpErrorResponse } from '../../core/errors/error-body.util';
import { toSparkXml } from './spark-xml.util';

export const OPEN311_PATH = '/open311/';

/** Statuses the specification names (400, 403, 404) and the HTTP ones a client must act on; the rest is 400. */
const KEPT_STATUSES = new Set([400, 403, 404, 413, 414, 415, 429, 500, 503]);

function isXml(url: string): boolean {
  return url.split('?')[0].toLowerCase().endsWith('.xml');
}

/** The description list of an error: each problem of a failed form, else the one message. */
function descriptionsOf(error: HttpErrorResponse): string[] {
  const problems = error.body.error.details?.problems;
  if (Array.isArray(problems) && problems.length > 0 && problems.every((problem) => typeof problem === 'string')) return problems;
  return [error.body.error.message];
}

/**
 * GeoReport v2 errors: an array of `{ code, description }` (XML `<errors><error>…`), in the format the
 * URL asked for, with the HTTP status as the code.
 */
export const OPEN311_ERROR_RENDERER: ErrorRenderer = {
  handles: (url) => url.startsWith(OPEN311_PATH),
  send: (reply: FastifyReply, url: string, error: HttpErrorResponse) => {
    const status = KEPT_STATUSES.has(error.status) ? error.status : error.status >= 500 ? 500 : 400;
    const errors = descriptionsOf(error).map((description) => ({ code: status, description }));
    const retryAfter = error.body.error.details?.retryAfterSeconds;
    if (status === 429 && typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    if (isXml(url)) {
      void reply.status(status).header('content-type', 'text/xml; charset=utf-8').send(toSparkXml('errors', errors));
    } else {
      void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(errors));
    }
  },
};
