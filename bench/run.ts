/** `npm run bench`: every benchmark, each figure beside a baseline measured in the same run. */
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

console.log(
  `ELECT THB benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${(await import('node:os')).cpus().length} cores`,
);
await transactionStorageBench();
await webBench();
await chartBench();
await financeBench();
await psiBench();
await resolutionBench();
await searchScaleBench();
await visibilityBench();
await assemblyBench();
await documentsBench();
await mailBench();
await nearDuplicatesBench();
await documentSearchBench();
await loadBench();
await auditBench();
await scaleOutBench();
