/** Importer options as nested objects addressed by dotted field names (`mapping.start`). */
export type Options = Record<string, unknown>;

export function getPath(o: Options, path: string): unknown {
  let cur: unknown = o;
  for (const part of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Options)[part] : undefined;
  return cur;
}

/** A copy with `path` set; empty values remove the key (an unset field is absent, not ""). */
export function setPath(o: Options, path: string, value: unknown): Options {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return o;
  const out: Options = { ...o };
  if (rest.length) {
    const child = out[head] && typeof out[head] === 'object' ? (out[head] as Options) : {};
    const next = setPath(child, rest.join('.'), value);
    if (Object.keys(next).length) out[head] = next;
    else delete out[head];
  } else if (value === '' || value === undefined || value === null) delete out[head];
  else out[head] = value;
  return out;
}
