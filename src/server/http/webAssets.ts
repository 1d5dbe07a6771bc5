/**
 * Serves the built web app (dist/web, made by `npm run build:web`) from the platform's own
 * server, so one command starts everything and the browser never needs another host.
 *
 * - `/assets/*` are content-hashed by the build: cached for a year, immutable.
 * - Any other GET outside `/api` returns index.html (the app routes in the browser).
 * - Every page carries a Content-Security-Policy that allows this origin only: even a bug or an
 *   injected link cannot make the browser fetch from elsewhere.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const WEB_DIST = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** Only this origin, for scripts, styles, images, frames (PDF preview) and API calls. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cross-origin-opener-policy', 'same-origin');
}

/** The file under `root` that `urlPath` names, or null when it escapes the folder. */
function inside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = resolve(root, `.${normalize(`/${decoded}`)}`);
  return full.startsWith(root + sep) ? full : null;
}

const MISSING_BUILD = `<!doctype html><html lang="en"><meta charset="utf-8"><title>ELECT THB</title>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto">
<h1>The web app has not been built</h1><p>Run <code>npm run build:web</code> (or start with <code>npm start</code>, which builds it first).</p>`;

export function webAssetRoutes(app: FastifyInstance, opts: { dir?: string } = {}): void {
  const root = resolve(opts.dir ?? WEB_DIST);

  const sendIndex = async (reply: FastifyReply) => {
    const html = await readFile(join(root, 'index.html')).catch(() => null);
    secure(reply).header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    return html ?? (reply.status(503), MISSING_BUILD);
  };

  app.get('/assets/*', async (request, reply) => {
    const rest = (request.params as { '*'?: string })['*'] ?? '';
    const file = rest ? inside(root, `assets/${rest}`) : null;
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) {
      return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    }
    secure(reply)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type(MIME[extname(file)] ?? 'application/octet-stream');
    return readFile(file);
  });

  app.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route GET ${path}` } });
    }
    return sendIndex(reply);
  });
}
