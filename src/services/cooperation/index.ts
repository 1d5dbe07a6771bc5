/** The cooperation capability's public face: what routes, the CLI and other capabilities may use. */
export * from './agreements.ts';
export * from './crossCase.ts';
export * from './notices.ts';
export * from './partnerInbox.ts';
export * from './psi.ts';
export { EXCHANGE_KIND, exchangeJobKind } from './psiJobs.ts';
export * from './psiAnswer.ts';
export * from './requests.ts';
export * from './partnerAdmission.ts';
