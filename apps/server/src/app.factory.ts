import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import * as path from 'node:path';
import { RequestMethod, ValidationPipe, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Logger, PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './core/config/app-config';
import { AllExceptionsFilter, sendHttpError } from './core/errors/all-exceptions.filter';
import { toHttpError } from './core/errors/error-body.util';
import { REQUEST_ID_HEADER, requestIdOf } from './core/logging/request-id.util';
import { useFormBodyParser } from './core/http/form-body.parser';
import { useStrictJsonParser } from './core/http/json-body.parser';
import { OPEN311_BASE } from './modules/open311/open311.controller';
import { OPEN311_ERROR_RENDERER, OPEN311_PATH } from './modules/open311/open311-error.renderer';

export const API_PREFIX = 'api/v1';

function setUpOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('随手拍 API')
      .setDescription('Citizen issue reporting: reports, tickets (工单), categories, administration.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/** The built H5 app at `/`, when it has been built; hashed assets cache for long, index.html never. */
async function serveH5(app: NestFastifyApplication, h5Dir: string, logger: Logger): Promise<void> {
  if (!existsSync(path.join(h5Dir, 'index.html'))) {
    logger.warn(`H5 app not found in ${h5Dir}; build it with "npx nx run client:build" to serve it at /`);
    return;
  }
  await app.register(fastifyStatic, {
    root: h5Dir,
    prefix: '/',
    decorateReply: false,
    setHeaders: (reply, filePath) => {
      void reply.header('cache-control', filePath.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
}

export async function createApp(config: AppConfig, extraModules: Type[] = []): Promise<NestFastifyApplication> {
  const errorRenderers = [OPEN311_ERROR_RENDERER];
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    // Errors the router raises before any handler (a malformed URL, a path parameter over its length)
    // get the same bodies as every other error, instead of Fastify's own that echo the whole URL.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => sendHttpError(reply, request.url, toHttpError(error), errorRenderers),
    // Behind a load balancer the client address is in X-Forwarded-For; trusted only when configured.
    trustProxy: config.http.trustProxy,
    // One request id for Fastify and the pino-http request log (which reuses `req.id`), echoed back.
    genReqId: (request: IncomingMessage) => {
      const id = requestIdOf(request);
      Object.assign(request, { id });
      return id;
    },
  });
  adapter.getInstance().addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, extraModules), adapter, {
    bufferLogs: true,
    // JSON bodies go through our parser (see useStrictJsonParser); other types are refused with 415.
    bodyParser: false,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      // GeoReport v2 has its own base path.
      { path: `${OPEN311_BASE}/{*path}`, method: RequestMethod.ALL },
    ],
  });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new AllExceptionsFilter(await app.resolve(PinoLogger), errorRenderers));
  useStrictJsonParser(app.getHttpAdapter().getInstance());
  useFormBodyParser(app.getHttpAdapter().getInstance(), [OPEN311_PATH]);
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({ origin: config.http.corsOrigins, credentials: true });
  }
  setUpOpenApi(app);
  await serveH5(app, config.http.h5Dir, logger);
  return app;
}
