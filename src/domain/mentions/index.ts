/** Mentions in message and document text (pure): extractor, name finder, inflection rules. */
export {
  extractMentions,
  MENTION_KINDS,
  snippetOf,
  STRONG_KINDS,
  type FoundMention,
  type MentionKind,
  type MentionOptions,
} from './extract.ts';
export { findNames, nameIndex, type FoundName, type KnownName, type NameIndex } from './names.ts';
export { inflectedForms, INFLECTION_RULES, type InflectingLanguage } from './inflection.ts';
export { guessLanguage } from './language.ts';
export { businessIdValid, extractIdentifiers, type FoundIdentifier } from './identifiers.ts';
