/** The documents capability's public face: the viewer's use cases and what evidence files need to know. */
export { openConversation, openDocument } from './viewer.ts';
export { namingProtected, readable } from './parts.ts';
