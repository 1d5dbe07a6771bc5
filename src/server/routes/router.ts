import type { RouteSpec } from '../http/route.ts';

/** Registers one route; bound to the app, the store and the OpenAPI registry in app.ts. */
export type Router = <P, Q, B>(spec: RouteSpec<P, Q, B>) => void;
