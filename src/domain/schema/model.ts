/**
 * The case data model: FollowTheMoney-compatible schemata plus THB extensions, and the functions
 * that read and check entities against them. See types.ts for the shapes, ftm.*.ts and
 * thb.extensions.ts for the tables, registry.ts and validate.ts for the behaviour.
 */
export {
  ancestorsOf,
  captionOf,
  descendantsOf,
  edgeOf,
  getProperty,
  getSchema,
  isA,
  isEdge,
  listSchemata,
  propertiesOf,
  requireSchema,
  selectorKindOf,
} from './registry.ts';
export {
  MAX_VALUES_PER_PROPERTY,
  MAX_VALUE_BYTES,
  isIsoDatePrefix,
  isNumeric,
  validateProperties,
  type ValidateOptions,
} from './validate.ts';
