/**
 * The case data model: the FollowTheMoney model (ftmModel.ts, from the package's model data) plus
 * THB extensions (thb.extensions.ts, thb.additions.ts, ftm4.compat.ts), and the functions that
 * read and check entities against them. See types.ts for the shapes, registry.ts, caption.ts and
 * validate.ts for the behaviour.
 */
export { pickName } from './caption.ts';
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
