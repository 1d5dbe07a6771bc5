/** Adding up scenario scores and printing them as one table. */
import type { CapabilityScore, Measure } from './scorer.ts';

type Rel = { relativeError: number | null; truth: number; found: number };
type Cell = Measure | Rel | null;

const isMeasure = (c: Cell): c is Measure => !!c && 'truePositives' in c;

function add(a: Cell, b: Cell): Cell {
  if (!a) return b;
  if (!b) return a;
  if (isMeasure(a) && isMeasure(b)) {
    const falseAlarms = { ...a.falseAlarms };
    for (const [k, v] of Object.entries(b.falseAlarms)) falseAlarms[k] = (falseAlarms[k] ?? 0) + v;
    const truth = a.truth + b.truth;
    const found = a.found + b.found;
    const tp = a.truePositives + b.truePositives;
    return {
      truth,
      found,
      truePositives: tp,
      falseAlarms,
      precision: found ? tp / found : null,
      recall: truth ? tp / truth : null,
    };
  }
  const truth = a.truth + b.truth;
  const found = a.found + b.found;
  return { truth, found, relativeError: truth ? (found - truth) / truth : null };
}

export function combine(runs: readonly CapabilityScore[][]): CapabilityScore[] {
  const out = new Map<string, CapabilityScore>();
  for (const run of runs)
    for (const c of run) {
      const prev = out.get(c.capability);
      out.set(
        c.capability,
        prev
          ? {
              capability: c.capability,
              platform: add(prev.platform, c.platform) as CapabilityScore['platform'],
              baseline: add(prev.baseline, c.baseline) as CapabilityScore['baseline'],
            }
          : c,
      );
    }
  return [...out.values()];
}

const pct = (x: number | null) => (x === null ? '  –  ' : `${(x * 100).toFixed(0).padStart(3)}%`);

function cell(c: Cell): string {
  if (!c) return 'no baseline'.padEnd(26);
  if (isMeasure(c)) {
    const fa = Object.values(c.falseAlarms).reduce((a, b) => a + b, 0);
    return `P ${pct(c.precision)} R ${pct(c.recall)} FA ${String(fa).padStart(4)}`.padEnd(26);
  }
  return `${(c.found / 100).toFixed(0)} of ${(c.truth / 100).toFixed(0)} (${c.relativeError === null ? '–' : `${(c.relativeError * 100).toFixed(0)}%`})`.padEnd(
    26,
  );
}

export function formatTable(scores: readonly CapabilityScore[]): string {
  const lines = [
    `${'capability'.padEnd(30)} ${'truth'.padStart(6)}  ${'platform'.padEnd(26)} ${'naive baseline'.padEnd(26)} platform false alarms by kind`,
  ];
  for (const s of scores) {
    const kinds = isMeasure(s.platform)
      ? Object.entries(s.platform.falseAlarms)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')
      : '';
    lines.push(
      `${s.capability.padEnd(30)} ${String(isMeasure(s.platform) ? s.platform.truth : 'EUR').padStart(6)}  ${cell(s.platform)} ${cell(s.baseline)} ${kinds}`,
    );
  }
  return lines.join('\n');
}
