/** The finance feature as other features see it: the red-flag summary and money formatting. */
export { OpenFindingsNavLink, RedFlagsPanelBody } from './components/FindingsSummary.tsx';
export { moneyOf } from './components/money.ts';
