/**
 * Hit/no-hit: private set intersection on edwards25519 (psi.ts, protocol.ts), the signed
 * exchange envelope (exchange.ts) and cooperation agreements (agreement.ts). Pure, no I/O.
 */
export * from './psi.ts';
export * from './protocol.ts';
export * from './exchange.ts';
export * from './agreement.ts';
