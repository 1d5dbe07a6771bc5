// Entry of every pool thread: registers the TypeScript loader (the platform runs from source
// under tsx, in tests under vitest), then runs the task module each job names.
import { register } from 'tsx/esm/api';

register();

const modules = new Map();

export default async function runTask({ module, input }) {
  let loaded = modules.get(module);
  if (!loaded) {
    loaded = import(module);
    modules.set(module, loaded);
  }
  const task = (await loaded).default;
  return task(input);
}
