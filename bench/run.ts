/**
 * `npm run bench`: every benchmark, each figure beside a baseline measured in the same run;
 * `npm run bench -- <name>…` only the named ones.
 */
import { assemblyBench } from './assembly.ts';
import { auditBench } from './audit.ts';
import { chartBench } from './chart.ts';
import { documentsBench } from './documents.ts';
import { documentSearchBench } from './documentSearch.ts';
import { financeBench } from './finance.ts';
import { loadBench } from './load.ts';
import { mailBench } from './mail.ts';
import { nearDuplicatesBench } from './nearDuplicates.ts';
import { psiBench } from './psi.ts';
import { resolutionBench } from './resolution.ts';
import { searchScaleBench } from './searchScale.ts';
import { scaleOutBench } from './scaleOut.ts';
import { transactionStorageBench } from './transactionStorage.ts';
import { visibilityBench } from './visibility.ts';
import { webBench } from './web.ts';

const BENCHES: Record<string, () => Promise<void>> = {
  transactionStorage: transactionStorageBench,
  web: webBench,
  chart: chartBench,
  finance: financeBench,
  psi: psiBench,
  resolution: resolutionBench,
  searchScale: searchScaleBench,
  visibility: visibilityBench,
  assembly: assemblyBench,
  documents: documentsBench,
  mail: mailBench,
  nearDuplicates: nearDuplicatesBench,
  documentSearch: documentSearchBench,
  load: loadBench,
  audit: auditBench,
  scaleOut: scaleOutBench,
};
// `npm run bench -- finance assembly` runs only the named benchmarks (in this order); none named runs all.
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !(a in BENCHES));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
console.log(
  `ELECT THB benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${(await import('node:os')).cpus().length} cores`,
);
for (const name of asked.length ? asked : Object.keys(BENCHES)) await BENCHES[name]?.();
