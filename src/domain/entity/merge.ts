/** Combining what two sources say about the same entity. */
import type { Properties } from '../schema/types.ts';

/** Union of property values, keeping the first source's order; undefined when nothing is new. */
export function unionProperties(current: Properties, incoming: Properties): Properties | undefined {
  let changed = false;
  const out: Properties = {};
  for (const [k, v] of Object.entries(current)) out[k] = [...v];
  for (const [k, values] of Object.entries(incoming)) {
    const list = (out[k] ??= []);
    for (const v of values) {
      if (!list.includes(v)) {
        list.push(v);
        changed = true;
      }
    }
  }
  return changed ? out : undefined;
}
