/**
 * JSON bodies are read as bytes and must be valid UTF-8: Fastify's own reading would turn a
 * broken byte into U+FFFD and store it silently. A body that is not is refused with a 400 naming
 * the field that holds the broken bytes. Parsing itself stays Fastify's (proto-poisoning refused).
 */
import type { FastifyInstance } from 'fastify';
import { errors } from '../../shared/errors.ts';
import { noteJsonParsed } from './bodyGuard.ts';

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** The first string (or key) holding U+FFFD, named as route.ts names fields: `body.properties.name[0]`. */
function replacedField(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\uFFFD') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = replacedField(v, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = k.includes('\uFFFD') ? `${path}.${k}` : replacedField(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return undefined;
}

export function registerJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    let text: string;
    try {
      text = strict.decode(bytes);
    } catch {
      let field = 'body';
      try {
        field = replacedField(JSON.parse(lenient.decode(bytes)), 'body') ?? 'body';
      } catch {
        // not JSON either: the body as a whole is named
      }
      done(errors.validation(`${field}: is not valid UTF-8 text`, field), undefined);
      return;
    }
    noteJsonParsed();
    parseJson(request, text, done);
  });
}
