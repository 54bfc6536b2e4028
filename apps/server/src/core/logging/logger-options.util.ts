import type { LoggerOptions } from 'pino';
import type { AppConfig } from '../config/app-config';

/** Level and output format of every pino logger of the server (request logger and cluster primary). */
export function baseLoggerOptions(config: AppConfig): Pick<LoggerOptions, 'level' | 'transport'> {
  return {
    level: config.log.level,
    transport: config.log.pretty
      ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
      : undefined,
  };
}
