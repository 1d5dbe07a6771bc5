/** Use cases: authorised once by the policy layer, audited once, called alike by routes and the CLI. */
export * from './record.ts';
export * from './useCase.ts';
export type { Store } from '../../store/store.ts';
