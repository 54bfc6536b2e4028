import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { toHttpError } from './error-body.util';

/** Every error leaves as `{ error: { code, message, details? } }` with the status the code maps to. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: PinoLogger) {
    this.logger.setContext(AllExceptionsFilter.name);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { status, body, unexpected } = toHttpError(exception);
    if (unexpected) {
      this.logger.error({ err: exception, url: request.url, method: request.method }, 'request failed');
    }
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
