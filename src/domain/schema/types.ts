/**
 * Shape of the case data model. Entity and link types ("schemata") are FollowTheMoney's (FtM),
 * read from the model the `@alephdata/followthemoney` package publishes (ftmModel.ts), so FtM
 * files round-trip. THB extensions FtM lacks are marked `extension: true`.
 *
 * Links are entities too (FtM "edge" schemata such as Ownership or Payment): they carry
 * properties, provenance and grading like any entity, plus a source and a target.
 */

/** FtM property types, plus the THB `plate` type for vehicle registration plates. */
export type PropertyType =
  | 'name'
  | 'string'
  | 'text'
  | 'html'
  | 'date'
  | 'number'
  | 'country'
  | 'language'
  | 'gender'
  | 'phone'
  | 'email'
  | 'iban'
  | 'identifier'
  | 'url'
  | 'entity'
  | 'address'
  | 'topic'
  | 'mimetype'
  | 'checksum'
  | 'ip'
  | 'json'
  | 'plate'
  | 'enum';

/** What a property's values are looked up by in selector search (see domain/selectors). */
export type SelectorKind = 'phone' | 'iban' | 'account' | 'email' | 'plate' | 'document' | 'name';

export interface PropertyDef {
  readonly type: PropertyType;
  readonly label: string;
  /** For `entity` properties: the schema the value must be (or descend from). */
  readonly range?: string;
  /** For `enum` properties: the allowed values. */
  readonly values?: readonly string[];
  /** Overrides the selector kind derived from the type (e.g. passportNumber → document). */
  readonly selector?: SelectorKind | null;
  /** Not shown in FtM exports (THB extension property on an FtM schema). */
  readonly extension?: boolean;
  /** At most one value (THB extension properties such as Person.proceduralStatus). */
  readonly single?: boolean;
  /** FtM `matchable`: values are used when matching entities. Absent on THB extension properties. */
  readonly matchable?: boolean;
  /** FtM: the property on the range schema that points back here (Ownership.owner ↔ LegalEntity.ownershipOwner). */
  readonly reverse?: string;
  /**
   * FtM stub: a reverse property that only lists the entities pointing here. It holds no values of
   * its own (FtM refuses to set one), so imports drop values given for it.
   */
  readonly stub?: boolean;
  /** FtM `hidden`: computed or internal (extracted text, detected names); not offered in forms. */
  readonly hidden?: boolean;
  /** FtM `deprecated`: still read, not offered for new data. */
  readonly deprecated?: boolean;
  readonly description?: string;
}

export interface EdgeDef {
  /** Property holding the source entity id (e.g. Ownership.owner). */
  readonly source: string;
  /** Property holding the target entity id (e.g. Ownership.asset). */
  readonly target: string;
  readonly directed: boolean;
  /** Label for the link as read source → target, e.g. "owns". */
  readonly label: string;
  /** FtM edge caption: properties that name the link when the schema's own caption has none. */
  readonly caption?: readonly string[];
  /**
   * The entity is a link only when both ends are given (a Call between two Phones); without
   * them it stays a plain record (an FtM Call naming only numbers).
   */
  readonly optional?: boolean;
}

export interface SchemaDef {
  readonly name: string;
  readonly label: string;
  readonly plural: string;
  /** Parent schemata, as in FtM (`extends`). Properties are inherited. */
  readonly extends?: readonly string[];
  /** Abstract schemata (Thing, LegalEntity, Interval…) cannot be created directly. */
  readonly abstract?: boolean;
  readonly edge?: EdgeDef;
  /** Properties that make the entity's caption, in order of preference. */
  readonly caption: readonly string[];
  /** Properties that must have at least one value. */
  readonly required?: readonly string[];
  /** FtM `featured`: the properties to show first (tables, summaries). */
  readonly featured?: readonly string[];
  /** FtM `hidden` schemata (Mention, Page): made by tools, not offered in forms. */
  readonly hidden?: boolean;
  readonly deprecated?: boolean;
  readonly description?: string;
  readonly properties: Readonly<Record<string, PropertyDef>>;
  /** A THB extension that FtM does not have. */
  readonly extension?: boolean;
  /** FtM `matchable`: entities of this schema are candidates for cross-referencing/deduplication. */
  readonly matchable?: boolean;
}

/** Property values, FtM style: every property is a list of strings. */
export type Properties = Record<string, string[]>;
