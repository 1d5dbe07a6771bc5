import type { ImportProgress } from '../services/imports/index.ts';

/** A one-line progress report on stderr, redrawn in place on a terminal. */
export function progressPrinter(label: string): (p: ImportProgress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 250) return;
    last = now;
    const pct = p.totalBytes ? ` ${Math.min(100, Math.round((100 * p.bytesRead) / p.totalBytes))}%` : '';
    const line = `${label}:${pct} ${p.entities} entities, ${p.transactions} transactions`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
    else process.stderr.write(`${line}\n`);
  };
}

export const endProgress = (): void => {
  if (process.stderr.isTTY) process.stderr.write('\n');
};
