import type Taro from '@tarojs/taro';
import type { FakeResponse } from './taro-mock';

type Route = (options: Taro.request.Option) => FakeResponse | Promise<FakeResponse>;

/**
 * A request handler from a table keyed by `METHOD /path` (no origin, no query), so a page test
 * answers each endpoint separately; a request nobody expected fails the test loudly.
 */
export function apiRoutes(table: Record<string, Route>) {
  return (options: Taro.request.Option): Promise<FakeResponse> => {
    const path = options.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
    const key = `${options.method ?? 'GET'} ${path}`;
    const route = table[key];
    if (!route) return Promise.reject(new Error(`unexpected request ${key}`));
    return Promise.resolve(route(options));
  };
}

export const json = (data: unknown, statusCode = 200): FakeResponse => ({ statusCode, data });

export function errorBody(statusCode: number, code: string, message: string, details?: object): FakeResponse {
  return { statusCode, data: { error: { code, message, ...(details ? { details } : {}) } } };
}

/** The JSON body a page sent with a request. */
export function bodyOf(options: Taro.request.Option): Record<string, unknown> {
  return options.data as Record<string, unknown>;
}
