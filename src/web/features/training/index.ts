/** The training feature as the app sees it: its addresses under /training. */
export { isTrainingRoute, matchTraining, trainingPaths } from './routes.ts';
export type { TrainingRoute } from './routes.ts';
