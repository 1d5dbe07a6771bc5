/** `npm run bench`: every benchmark, each figure beside a baseline measured in the same run. */
import { financeBench } from './finance.ts';
import { transactionStorageBench } from './transactionStorage.ts';
import { webBench } from './web.ts';

console.log(`ELECT THB benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
await transactionStorageBench();
await webBench();
await financeBench();
