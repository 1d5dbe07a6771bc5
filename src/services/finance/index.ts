/** The finance capability's public face: what routes, the CLI and other capabilities may use. */
export * from './analysis.ts';
export * from './data.ts';
export * from './decisions.ts';
export * from './findings.ts';
export * from './flows.ts';
export * from './ledger.ts';
export * from './overview.ts';
export * from './proceeds.ts';
export { RULES_KIND, rulesJobKind } from './rulesJobs.ts';
export { traceMoney } from './trace.ts';
export type { TraceNode, TraceEdge } from './trace.ts';
export * from './transactions.ts';
export * from './holders.ts';
