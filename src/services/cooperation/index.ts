/** The cooperation capability's public face: what routes, the CLI and other capabilities may use. */
export * from './agreements.ts';
export * from './crossCase.ts';
export * from './notices.ts';
export * from './partnerRequests.ts';
export * from './psi.ts';
export * from './requests.ts';
