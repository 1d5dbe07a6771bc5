/** The jobs capability's public face: the runner, the data-folder files jobs keep, a user's own jobs. */
export * from './files.ts';
export * from './runner.ts';
export * from './ownJobs.ts';
