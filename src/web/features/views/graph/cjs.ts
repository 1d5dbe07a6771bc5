/**
 * Some graph libraries are CommonJS modules whose type declarations say `export default`: the
 * bundler hands over the module itself, the types promise `.default`. This takes whichever is there.
 */
export const interop = <T>(mod: { default: T }): T => mod.default ?? (mod as unknown as T);
