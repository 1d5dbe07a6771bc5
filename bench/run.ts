/** `npm run bench`: every benchmark, each figure beside a baseline measured in the same run. */
import { transactionStorageBench } from './transactionStorage.ts';

console.log(`ELECT THB benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
await transactionStorageBench();
