/** The health capability's public face: liveness, readiness, and what counts as the database being down. */
export * from './health.ts';
