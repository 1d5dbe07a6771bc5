/**
 * The HTTP server: Fastify with one error handler, thin routes defined through `defineRoute`
 * (authenticate → validate → authorise → handle → audit) and an OpenAPI description.
 */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store.ts';
import { errorHandler } from './http/errors.ts';
import { closePool } from '../services/workers/index.ts';
import { DEFAULT_BODY_LIMITS } from './http/bodyGuard.ts';
import type { BodyLimits } from './http/bodyGuard.ts';
import { safeLoggerOptions, shortRequestLine } from './http/logging.ts';
import { defineRoute } from './http/route.ts';
import type { RegisteredRoute } from './http/route.ts';
import { openApiDocument } from './openapi.ts';
import { authRoutes } from './routes/access/auth.ts';
import { caseRoutes, shareRoutes } from './routes/cases/cases.ts';
import { userRoutes } from './routes/access/users.ts';
import { entityRoutes } from './routes/entities/entities.ts';
import { handlingCodeRoutes } from './routes/access/handlingCodes.ts';
import { exportRoutes } from './routes/entities/exports.ts';
import { noteRoutes } from './routes/cases/notes.ts';
import type { Router } from './routes/router.ts';
import { searchRoutes } from './routes/search/search.ts';
import { auditViewRoutes } from './routes/audit/view.ts';
import { entityRowRoutes } from './routes/entities/rows.ts';
import { fileRoutes } from './routes/files.ts';
import { documentRoutes } from './routes/documents.ts';
import { mentionRoutes } from './routes/mentions.ts';
import { globalSearchRoutes } from './routes/search/global.ts';
import { importRoutes } from './routes/imports/imports.ts';
import { memberRoutes } from './routes/cases/members.ts';
import { savedMappingRoutes } from './routes/imports/savedMappings.ts';
import { schemaRoutes } from './routes/entities/schemata.ts';
import { webAssetRoutes } from './http/webAssets.ts';
import { auditRoutes } from './routes/audit/log.ts';
import { retentionRoutes } from './routes/cases/retention.ts';
import { financeRoutes } from './routes/finance/finance.ts';
import { viewRoutes } from './routes/views/views.ts';
import { companyRoutes } from './routes/companies.ts';
import { resolutionRoutes } from './routes/resolution.ts';
import { captureRoutes } from './routes/captures.ts';
import { trainingRoutes } from './routes/training/training.ts';
import { hitRoutes } from './routes/cooperation/hits.ts';
import { cooperationRoutes } from './routes/cooperation/requests.ts';
import { chartRoutes } from './routes/views/charts.ts';
import { identificationRoutes } from './routes/identification.ts';
import { prosecutionRoutes } from './routes/prosecution/prosecution.ts';
import { jobRoutes } from './routes/jobs/jobs.ts';
import { victimFileRoutes } from './routes/prosecution/victimFile.ts';
import { healthRoutes } from './routes/health.ts';
import { importJobKind } from '../services/imports/index.ts';
import { jobRunner } from '../services/jobs/index.ts';
import { reportJobKind } from '../services/prosecution/index.ts';
import { rulesJobKind } from '../services/finance/index.ts';
import { exchangeJobKind } from '../services/cooperation/index.ts';
import { registerJsonBody } from './http/jsonBody.ts';

export interface AppOptions {
  store: Store;
  /**
   * Request logs: `json` (or true) one JSON record per request (servers, log collectors);
   * `short` warnings and errors, and one short line for each request that changes data or fails
   * (a terminal); false none.
   */
  logger?: boolean | 'json' | 'short';
  /** Serve HTTPS with this certificate and key (PEM). Behind a TLS-terminating proxy, leave unset. */
  https?: { cert: Buffer; key: Buffer } | undefined;
  /**
   * The reverse proxies' addresses (IPs or CIDR ranges). The client address is then the first hop
   * in X-Forwarded-For, read from the nearest end, that is not one of them: what a client writes
   * into the header itself is never believed. Empty or unset: the socket's address.
   */
  trustProxy?: readonly string[] | undefined;
  version?: string;
  /**
   * Run this process's job runner: take over jobs a stopped process left (resume or fail them),
   * claim queued ones, expire finished ones. On by default; off for a server that only answers.
   */
  runJobs?: boolean;
  /** Body limits applied before parsing (defaults: 8 KiB unauthenticated, JSON depth 32, 30 s). */
  bodyLimits?: Partial<BodyLimits>;
  /** Connection limits; defaults suit uploads of the largest import over a slow link. */
  timeouts?: Partial<ServerTimeouts>;
}

export interface ServerTimeouts {
  /** Time for the request line and headers to arrive. */
  headersMs: number;
  /** Time for a whole request, body included (the largest upload must fit). */
  requestMs: number;
  /** A connection that sends and receives nothing this long is closed. */
  idleMs: number;
  /** How often the server looks for requests past their time. */
  checkEveryMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersMs: 20_000,
  requestMs: 30 * 60_000,
  idleMs: 120_000,
  checkEveryMs: 5_000,
};

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  const limits = { ...DEFAULT_BODY_LIMITS, ...opts.bodyLimits };
  const app = Fastify({
    ...(opts.https ? { https: opts.https } : {}),
    // A slow client cannot hold a connection: headers, the whole request and idle time are bounded
    // (Fastify's own default is no request timeout at all).
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: timeouts.checkEveryMs },
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    trustProxy: opts.trustProxy?.length ? [...opts.trustProxy] : false,
    logger: opts.logger === 'short' ? { ...safeLoggerOptions, level: 'warn' } : opts.logger ? safeLoggerOptions : false,
    // The largest body any route accepts; each route sets its own, smaller limit.
    bodyLimit: 16 * 1024 * 1024,
    // Proto-poisoning attempts are rejected as bad input rather than silently stripped.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  app.setErrorHandler(errorHandler);
  if (opts.logger === 'short')
    app.addHook('onResponse', (req, reply, done) => {
      const line = shortRequestLine(req, reply);
      if (line) console.log(line);
      done();
    });
  registerJsonBody(app);
  // The worker threads stop with the server (a later app starts them again when needed).
  app.addHook('onClose', closePool);
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0] ?? ''}` } });
  });

  const registry: RegisteredRoute[] = [];
  const route: Router = (spec) => defineRoute(app, opts.store, registry, spec, limits);
  authRoutes(route);
  userRoutes(route);
  caseRoutes(route);
  shareRoutes(route);
  entityRoutes(route);
  exportRoutes(route);
  handlingCodeRoutes(route);
  noteRoutes(route);
  searchRoutes(route);
  schemaRoutes(route);
  entityRowRoutes(route);
  globalSearchRoutes(route);
  memberRoutes(route);
  auditViewRoutes(route);
  savedMappingRoutes(route);
  fileRoutes(route, app);
  documentRoutes(route);
  mentionRoutes(route);
  importRoutes(route, app);
  auditRoutes(route);
  retentionRoutes(route);
  financeRoutes(route);
  viewRoutes(route);
  companyRoutes(route);
  resolutionRoutes(route);
  captureRoutes(route, app);
  trainingRoutes(route);
  hitRoutes(route);
  cooperationRoutes(route);
  chartRoutes(route);
  identificationRoutes(route);
  prosecutionRoutes(route);
  jobRoutes(route);
  victimFileRoutes(route);
  healthRoutes(route);

  route({
    method: 'GET',
    url: '/api/health',
    tag: 'platform',
    summary: 'Liveness and the store in use',
    access: 'public',
    handler: async ({ store }) => ({ ok: true, store: store.dialect }),
  });
  let doc: Record<string, unknown> | undefined;
  route({
    method: 'GET',
    url: '/api/openapi.json',
    tag: 'platform',
    summary: 'This API described as OpenAPI 3.1',
    access: 'public',
    handler: async () => (doc ??= openApiDocument(registry, opts.version ?? '0.1.0')),
  });
  webAssetRoutes(app);

  const runner = jobRunner(opts.store);
  runner.register(reportJobKind(opts.store));
  runner.register(importJobKind);
  runner.register(rulesJobKind(opts.store));
  runner.register(exchangeJobKind(opts.store));
  if (opts.runJobs !== false) {
    await runner.start();
    // Graceful shutdown hands running jobs back (a report is queued again, an import rolls back).
    app.addHook('onClose', () => runner.stop());
  }
  return app;
}
