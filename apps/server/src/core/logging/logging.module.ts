import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { loggableError, loggableRequest, REDACTED } from './log-redaction.util';
import { baseLoggerOptions } from './logger-options.util';

/**
 * pino for every log line, one line per request with its id. Tokens and cookies are never logged, nor
 * query values that may be personal or a credential (log-redaction.util), nor a failed statement's values.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            ...baseLoggerOptions(config),
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: REDACTED },
            serializers: { req: loggableRequest, err: loggableError },
            customLogLevel: (_request, response, error) =>
              error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
            autoLogging: { ignore: (request) => request.url?.startsWith('/health/') ?? false },
          },
        }),
      ],
    };
  }
}
