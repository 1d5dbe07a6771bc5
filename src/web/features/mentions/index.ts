/** The mentions feature's public face: text with its mentions highlighted and decided on. */
export { MentionedText } from './components/MentionedText.tsx';
