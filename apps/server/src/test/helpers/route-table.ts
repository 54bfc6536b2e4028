import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { UserRole } from '@ssp/contracts';
import { API_PREFIX } from '../../app.factory';
import { IS_PUBLIC } from '../../core/auth/public.decorator';
import { ROLES } from '../../core/auth/roles.decorator';

export interface RouteEntry {
  method: string;
  path: string;
  controller: string;
  handler: string;
  isPublic: boolean;
  roles: UserRole[];
}

const UNPREFIXED = new Set(['/health/live', '/health/ready']);

function join(...parts: string[]): string {
  return `/${parts.flatMap((part) => part.split('/')).filter(Boolean).join('/')}`;
}

/** Every route the application registered, with its access decision, read from Nest's own metadata. */
export function routeTable(app: NestFastifyApplication): RouteEntry[] {
  const reflector = app.get(Reflector);
  const routes: RouteEntry[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const controllerPath = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const methodPath: unknown = Reflect.getMetadata(PATH_METADATA, handler);
        if (methodPath === undefined) continue;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
        const path = join(controllerPath, String(methodPath));
        const targets = [handler, controller];
        routes.push({
          method: RequestMethod[requestMethod],
          path: UNPREFIXED.has(path) || path.startsWith('/open311/') ? path : join(API_PREFIX, path),
          controller: controller.name,
          handler: name,
          isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false,
          roles: reflector.getAllAndOverride<UserRole[]>(ROLES, targets) ?? [],
        });
      }
    }
  }
  return routes;
}

/** A route's path with its parameters naming nothing (an unknown id, number, file or code), for probes that must change nothing. */
export function pathNamingNothing(path: string): string {
  return path
    .replace(/:id\b/g, '01930000-0000-7000-8000-000000000000')
    .replace(/:n\b/g, '999999')
    .replace(/:format\b/g, 'json')
    .replace(/:file\b/g, 'nothing.json')
    .replace(/:[A-Za-z]+/g, 'NOTHING-HERE')
    .replace(/\*$/, 'nothing');
}
