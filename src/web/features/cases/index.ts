/** The cases feature as other features see it: the case, its sources and the names of its members. */
export { useCase, useSources } from './api/hooks.ts';
export { useUserNames } from './api/useUserNames.ts';
