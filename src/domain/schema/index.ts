/** Public API of the case data model (FtM-compatible schemata + THB extensions). */
export * from './model.ts';
export * from './thb.vocabulary.ts';
export type { EdgeDef, Properties, PropertyDef, PropertyType, SchemaDef, SelectorKind } from './types.ts';
export { currentSchemaName } from './legacy.ts';
