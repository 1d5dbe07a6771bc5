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

/** The same values, whatever their order (FtM property values are sets); empty lists count as absent. */
export function sameProperties(a: Properties, b: Properties): boolean {
  const keys = Object.keys(a).filter((k) => a[k]?.length);
  if (keys.length !== Object.keys(b).filter((k) => b[k]?.length).length) return false;
  return keys.every((k) => {
    const x = [...(a[k] ?? [])].sort();
    const y = [...(b[k] ?? [])].sort();
    return x.length === y.length && x.every((v, i) => v === y[i]);
  });
}
