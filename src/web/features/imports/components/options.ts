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

/** A list option (row types, debit/credit marks) as typed: comma-separated. */
export const listText = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : '');

/** The typed text as a list; nothing typed is no list (the option is left out). */
export function parseList(text: string): string[] | undefined {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length ? items : undefined;
}

/** A column option in a select: a header name, or `#3` for the third column by position. */
export const columnChoice = (value: unknown): string =>
  typeof value === 'number' ? `#${value}` : typeof value === 'string' ? value : '';

export function columnOption(choice: string): string | number | undefined {
  if (choice === '') return undefined;
  const position = /^#(\d+)$/.exec(choice);
  return position ? Number(position[1]) : choice;
}

/**
 * The header row's names as the options read it: after `skipRows` lines (a bank export's title
 * and period above the table), split at the delimiter. Quotes around a name are dropped.
 */
export function headerNames(
  sniff: { lines: readonly string[]; delimiter: string | null; headers: readonly string[] },
  options: Options,
): string[] {
  const skip = typeof options['skipRows'] === 'number' ? options['skipRows'] : 0;
  const delimiter = typeof options['delimiter'] === 'string' ? options['delimiter'] : sniff.delimiter;
  if (!skip || !delimiter) return [...sniff.headers];
  const line = sniff.lines.slice(skip).find((l) => l.trim() !== '');
  if (line === undefined) return [...sniff.headers];
  return line.split(delimiter).map((h) =>
    h
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .replace(/""/g, '"'),
  );
}
