/** The views capability's public face: what routes, the CLI and other capabilities may use. */
export * from './chain.ts';
export * from './charts.ts';
export * from './data.ts';
export * from './geo.ts';
export * from './graph.ts';
export * from './moneyFlow.ts';
export * from './timeline.ts';
