/** The evidence-files feature as other features see it: the evidence panel and its hook. */
export { useFiles } from './api/hooks.ts';
export { EvidencePanel } from './components/EvidencePanel.tsx';
