import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { loggableUrl } from '../logging/log-redaction.util';
import { toHttpError, type HttpErrorResponse } from './error-body.util';

/**
 * An API under its own path whose standard prescribes another error body (Open311 GeoReport v2): it
 * renders the same mapped error its own way, so errors raised before its routes (body parsing, unknown
 * paths) look like its other errors too.
 */
export interface ErrorRenderer {
  handles(url: string): boolean;
  send(reply: FastifyReply, url: string, error: HttpErrorResponse): void;
}

/** Sends a mapped error: the renderer of the URL's API if one handles it, else the contract's JSON body. */
export function sendHttpError(reply: FastifyReply, url: string, mapped: HttpErrorResponse, renderers: readonly ErrorRenderer[]): void {
  const renderer = renderers.find((candidate) => candidate.handles(url));
  if (renderer) return renderer.send(reply, url, mapped);
  void reply.status(mapped.status).header('content-type', 'application/json; charset=utf-8').send(mapped.body);
}

/** Every error leaves as `{ error: { code, message, details? } }` with the status the code maps to. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(
    private readonly logger: PinoLogger,
    private readonly renderers: readonly ErrorRenderer[] = [],
  ) {
    this.logger.setContext(AllExceptionsFilter.name);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const mapped = toHttpError(exception);
    if (mapped.unexpected) {
      this.logger.error({ err: exception, url: loggableUrl(request.url), method: request.method }, 'request failed');
    }
    sendHttpError(reply, request.url, mapped, this.renderers);
  }
}
