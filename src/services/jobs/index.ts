/** The jobs capability's public face: the runner, and the data-folder files jobs keep. */
export * from './files.ts';
export * from './runner.ts';
