/**
 * The HTTP server: Fastify with one error handler, thin routes defined through `defineRoute`
 * (authenticate → validate → authorise → handle → audit) and an OpenAPI description.
 */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store.ts';
import { errorHandler } from './http/errors.ts';
import { defineRoute } from './http/route.ts';
import type { RegisteredRoute } from './http/route.ts';
import { openApiDocument } from './openapi.ts';
import { caseRoutes } from './routes/cases.ts';
import { entityRoutes } from './routes/entities.ts';
import { noteRoutes } from './routes/notes.ts';
import type { Router } from './routes/router.ts';
import { searchRoutes } from './routes/search.ts';

export interface AppOptions {
  store: Store;
  logger?: boolean;
  version?: string;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    // The largest body any route accepts; each route sets its own, smaller limit.
    bodyLimit: 16 * 1024 * 1024,
    // Proto-poisoning attempts are rejected as bad input rather than silently stripped.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0] ?? ''}` } });
  });

  const registry: RegisteredRoute[] = [];
  const route: Router = (spec) => defineRoute(app, opts.store, registry, spec);
  caseRoutes(route);
  entityRoutes(route);
  noteRoutes(route);
  searchRoutes(route);

  route({
    method: 'GET', url: '/api/health', tag: 'platform', summary: 'Liveness and the store in use', access: 'public',
    handler: async ({ store }) => ({ ok: true, store: store.dialect }),
  });
  let doc: Record<string, unknown> | undefined;
  route({
    method: 'GET', url: '/api/openapi.json', tag: 'platform', summary: 'This API described as OpenAPI 3.1', access: 'public',
    handler: async () => (doc ??= openApiDocument(registry, opts.version ?? '0.1.0')),
  });
  return app;
}
