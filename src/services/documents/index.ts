/** The documents capability's public face: the viewer, search across documents and their indicator marks. */
export { openConversation, openDocument } from './viewer.ts';
export { namingProtected, readable } from './parts.ts';
export { searchDocuments } from './search.ts';
export { listIndicatorMarks } from './marks.ts';
export { indexDocumentsOfSource } from './indexing.ts';
