/** The mentions capability's public face: mentions of a document, the analyst's decision, a case's mentions. */
export { decideMention, documentMentions } from './mentions.ts';
export { caseMentions, type CaseMention } from './caseMentions.ts';
