/** Drives the HTTP API in-process (Fastify inject) against a store of one dialect. */
import type { FastifyInstance } from 'fastify';
import { beforeAll } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Actor } from '../../src/services/access/actor.ts';
import { loadDemoCase } from '../../src/services/demo/demo.ts';
import { actorOf, addUser, addUserWithToken } from '../../src/services/access/users.ts';
import { getUser } from '../../src/store/repos/access/users.ts';
import type { Store } from '../../src/store/store.ts';

export interface ApiResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: unknown;
  json: <T = Record<string, unknown>>() => T;
}

export interface TestApi {
  app: FastifyInstance;
  /** Creates a user (in the given agency, else the default one) and returns a caller authenticated as them. */
  user: (username: string, platformRole?: string, agencyId?: string) => Promise<Caller>;
}

export type Caller = ((
  method: string,
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<ApiResponse>) & {
  userId: string;
  /** A body sent as it is: text, or bytes (an uploaded file). */
  raw: (
    method: string,
    url: string,
    payload: string | Buffer,
    headers?: Record<string, string>,
  ) => Promise<ApiResponse>;
};

export async function testApi(store: Store): Promise<TestApi> {
  const app = await buildApp({ store });
  const inject = async (
    method: string,
    url: string,
    payload: string | Buffer | undefined,
    headers: Record<string, string>,
  ): Promise<ApiResponse> => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      ...(payload !== undefined ? { payload } : {}),
      headers,
    });
    let body: unknown = res.body;
    try {
      body = JSON.parse(res.body);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.statusCode, headers: res.headers, body, json: <T>() => body as T };
  };
  return {
    app,
    user: async (username, platformRole = 'investigator', agencyId) => {
      const { user, token } = await addUserWithToken(store, {
        username,
        platformRole,
        ...(agencyId ? { agencyId } : {}),
      });
      const auth = { authorization: `Bearer ${token}` };
      const caller = ((method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
        inject(method, url, body === undefined ? undefined : JSON.stringify(body), {
          ...auth,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        })) as Caller;
      caller.userId = user.id;
      caller.raw = (method, url, payload, headers = {}) =>
        inject(method, url, payload, { ...auth, 'content-type': 'application/json', ...headers });
      return caller;
    },
  };
}

let n = 0;
/** A unique username per call, so suites sharing a store do not collide. */
export const uniqueName = (base: string): string => `${base}-${process.pid}-${++n}`;

/** A new user with a unique name (see uniqueName), as the actor services take. */
export async function testActor(store: Store, base: string, platformRole = 'investigator'): Promise<Actor> {
  return actorOf(await addUser(store, { username: uniqueName(base), platformRole }));
}

/** Generates and loads a demo case (seed, scale) led by the caller's user; its id. */
export async function loadDemoCaseLedBy(
  store: Store,
  lead: Pick<Caller, 'userId'>,
  opts: { seed: number; scale: number },
): Promise<string> {
  const row = await getUser(store.db, lead.userId);
  if (!row) throw new Error(`no user ${lead.userId}`);
  return (await loadDemoCase(store, actorOf(row), opts)).caseId;
}

/**
 * The app over the suite's store, built once before its cases; the getter is called inside
 * cases (a dialect that is unavailable skips them before they ask).
 */
export function useApp(store: () => Store): () => FastifyInstance {
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    try {
      app = await buildApp({ store: store() });
    } catch {
      // no store for this dialect: its cases skip
    }
  });
  return () => {
    if (!app) throw new Error('the app was not built');
    return app;
  };
}

/** An answer as the raw-body callers read it: status, text, content type, and the body parsed. */
export interface BearerAnswer {
  status: number;
  body: string;
  type: string;
  json: <T = Record<string, unknown>>() => T;
}
export type BearerCall = (method: string, url: string, body?: unknown) => Promise<BearerAnswer>;

/** Calls an app in-process as the holder of `token`, a JSON body when one is given. */
export const bearerCaller =
  (app: FastifyInstance, token: string): BearerCall =>
  async (method, url, body) => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    return {
      status: res.statusCode,
      body: res.body,
      type: String(res.headers['content-type'] ?? ''),
      json: <T>() => JSON.parse(res.body) as T,
    };
  };
