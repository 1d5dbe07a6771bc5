/** OpenAPI 3.1 description generated from the same zod schemas the routes validate with. */
import { z } from 'zod';
import type { ZodType } from 'zod';
import { ErrorBody } from '../shared/contracts/index.ts';
import type { RegisteredRoute } from './http/route.ts';

const toJson = (s: ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;

function parameters(schema: ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toJson(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

export function openApiDocument(routes: readonly RegisteredRoute[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = { content: { 'application/json': { schema: toJson(ErrorBody, 'output') } } };
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const op: Record<string, unknown> = {
      summary: r.summary,
      tags: [r.tag],
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      responses: {
        [String(r.status)]: {
          description: 'Success',
          ...(r.response ? { content: { 'application/json': { schema: toJson(r.response, 'output') } } } : {}),
        },
        '400': { description: 'Invalid input; `path` names the field', ...error },
        '401': { description: 'Not signed in', ...error },
        '403': { description: 'Not allowed by your role', ...error },
        '404': { description: 'Not found, or not visible to you', ...error },
      },
      ...(r.access === 'public' ? { security: [] } : {}),
    };
    if (r.body)
      op.requestBody = { required: true, content: { 'application/json': { schema: toJson(r.body, 'input') } } };
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ELECT THB platform API',
      version,
      description: 'Case data, search and analysis for investigating trafficking in human beings.',
    },
    components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' } } },
    security: [{ token: [] }],
    paths,
  };
}
