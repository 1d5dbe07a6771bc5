/** The part of sodium-native's API hit/no-hit uses (the package ships no types). */
declare module 'sodium-native' {
  /** Each throws when libsodium refuses the input (a point off the main subgroup, a zero result). */
  interface Sodium {
    crypto_core_ed25519_BYTES: number;
    crypto_core_ed25519_UNIFORMBYTES: number;
    crypto_core_ed25519_SCALARBYTES: number;
    crypto_core_ed25519_NONREDUCEDSCALARBYTES: number;
    crypto_core_ed25519_from_uniform(p: Uint8Array, r: Uint8Array): void;
    crypto_core_ed25519_add(r: Uint8Array, p: Uint8Array, q: Uint8Array): void;
    crypto_core_ed25519_is_valid_point(p: Uint8Array): boolean;
    crypto_core_ed25519_scalar_random(r: Uint8Array): void;
    crypto_core_ed25519_scalar_reduce(r: Uint8Array, s: Uint8Array): void;
    crypto_scalarmult_ed25519_noclamp(q: Uint8Array, n: Uint8Array, p: Uint8Array): void;
    crypto_scalarmult_ed25519_base_noclamp(q: Uint8Array, n: Uint8Array): void;
  }
  const sodium: Sodium;
  export default sodium;
}
