/** The training capability's public face: what routes, the CLI and other capabilities may use. */
export * from './certificate.ts';
export * from './cohorts.ts';
export * from './courses.ts';
export * from './exerciseGrading.ts';
export * from './exercises.ts';
export * from './library.ts';
