/** The documents feature's public face: the conversation and document viewer pages. */
export { ConversationPage } from './pages/ConversationPage.tsx';
export { DocumentPage } from './pages/DocumentPage.tsx';
export { DocumentSearchPage } from './pages/DocumentSearchPage.tsx';
export { IndicatorMarksPanel } from './components/IndicatorMarksPanel.tsx';
