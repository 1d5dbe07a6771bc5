/**
 * The crawl's table: for every GET route of the API, the request the crawl makes (ids taken
 * from the canary world) and the canary kinds the route shows to the lead. A GET route missing
 * here fails the crawl suite, so a new route is crawled from the day it is added.
 */
import type { CanaryKind, CanaryWorld } from './world.ts';
import { canaries } from './world.ts';

export interface CrawlEntry {
  /** The URL to call; a function of the world (and of a report job made for the caller). */
  url: (w: CanaryWorld) => string;
  /** What the lead must find there; an empty list is a route that shows none of the canaries. */
  shows: readonly CanaryKind[];
  /** Make a report job as the caller first and put its id in for {jobId}. */
  reportJob?: boolean;
  /** Top-level JSON fields that repeat the request's own values (not a leak: the caller sent them). */
  echo?: readonly string[];
}

const q = encodeURIComponent;
const c = (w: CanaryWorld) => `/api/cases/${w.caseId}`;
const none: readonly CanaryKind[] = [];
/** Every kind held in an entity's properties or its name. */
const entityKinds: readonly CanaryKind[] = [
  'victimName',
  'victimNameCyrillic',
  'victimPhone',
  'victimEmail',
  'victimPassport',
  'victimAddress',
  'victimIban',
  'exploitedName',
  'exploitedPhone',
  'possibleVictimName',
  'unsharedName',
];
const names: readonly CanaryKind[] = ['victimName', 'victimNameCyrillic', 'unsharedName'];
const lines: readonly CanaryKind[] = ['counterpartyName', 'victimIban', 'unsharedCounterparty'];
const fixed = (url: string) => () => url;

export const crawlTable: Record<string, CrawlEntry> = {
  'GET /api/auth/me': { url: fixed('/api/auth/me'), shows: none },
  'GET /healthz': { url: fixed('/healthz'), shows: none },
  'GET /readyz': { url: fixed('/readyz'), shows: none },
  'GET /api/auth/totp/new': { url: fixed('/api/auth/totp/new'), shows: none },
  'GET /api/agencies': { url: fixed('/api/agencies'), shows: none },
  'GET /api/users': { url: fixed('/api/users'), shows: none },
  'GET /api/users/lookup': { url: fixed('/api/users/lookup?username=nobody'), shows: none },
  'GET /api/cases': { url: fixed('/api/cases'), shows: none },
  'GET /api/cases/review': { url: fixed('/api/cases/review'), shows: none },
  'GET /api/audit': { url: fixed('/api/audit'), shows: none },
  'GET /api/audit/export.csv': { url: fixed('/api/audit/export.csv'), shows: none },
  'GET /api/audit/verify': { url: fixed('/api/audit/verify'), shows: none },
  'GET /api/schemata': { url: fixed('/api/schemata'), shows: none },
  'GET /api/search': { url: fixed(`/api/search?q=${q(canaries.victimName)}`), shows: none },
  'GET /api/import-formats': { url: fixed('/api/import-formats'), shows: none },
  'GET /api/import-mappings': { url: fixed('/api/import-mappings'), shows: none },
  'GET /api/import-jobs/{jobId}': { url: fixed('/api/import-jobs/no-such-job'), shows: none },
  'GET /api/finance/rules': { url: fixed('/api/finance/rules'), shows: none },
  'GET /api/companies/flag-rules': { url: fixed('/api/companies/flag-rules'), shows: none },
  'GET /api/handling-codes': { url: fixed('/api/handling-codes'), shows: none },
  'GET /api/indicator-catalogues': { url: fixed('/api/indicator-catalogues'), shows: none },
  'GET /api/indicator-catalogues/{key}': { url: fixed('/api/indicator-catalogues/ilo-ec-delphi-2009'), shows: none },
  'GET /api/screening-form': { url: fixed('/api/screening-form'), shows: none },
  'GET /api/health': { url: fixed('/api/health'), shows: none },
  'GET /api/notifications': { url: fixed('/api/notifications'), shows: none },
  'GET /api/agreements': { url: fixed('/api/agreements'), shows: none },
  'GET /api/cooperation/identity': { url: fixed('/api/cooperation/identity'), shows: none },
  'GET /api/openapi.json': { url: fixed('/api/openapi.json'), shows: none },
  'GET /api/training/courses': { url: fixed('/api/training/courses'), shows: none },
  'GET /api/training/library': { url: fixed('/api/training/library'), shows: none },
  'GET /api/training/library/{entryId}': { url: fixed('/api/training/library/wage-kick-backs'), shows: none },
  'GET /api/training/courses/{courseId}': { url: fixed('/api/training/courses/thb-investigation'), shows: none },
  'GET /api/training/courses/{courseId}/images/{file}': {
    url: fixed('/api/training/courses/thb-investigation/images/crime-script.svg'),
    shows: none,
  },
  'GET /api/training/courses/{courseId}/modules/{moduleId}/lessons/{lessonId}': {
    url: fixed('/api/training/courses/thb-investigation/modules/legal-framework/lessons/what-is-thb'),
    shows: none,
  },
  'GET /api/training/courses/{courseId}/modules/{moduleId}/quiz': {
    url: fixed('/api/training/courses/thb-investigation/modules/legal-framework/quiz'),
    shows: none,
  },
  'GET /api/training/courses/{courseId}/certificate': {
    url: fixed('/api/training/courses/thb-investigation/certificate'),
    shows: none,
  },
  'GET /api/training/courses/{courseId}/modules/{moduleId}/scorm': {
    url: fixed('/api/training/courses/thb-investigation/modules/legal-framework/scorm'),
    shows: none,
  },
  'GET /api/training/me': { url: fixed('/api/training/me'), shows: none },
  'GET /api/training/cohorts': { url: fixed('/api/training/cohorts'), shows: none },
  'GET /api/training/cohorts/{cohortId}': { url: fixed('/api/training/cohorts/no-such-cohort'), shows: none },
  'GET /api/training/cohorts/{cohortId}/courses/{courseId}/exercises/{exerciseId}': {
    url: fixed('/api/training/cohorts/no-such-cohort/courses/thb-investigation/exercises/posted-workers'),
    shows: none,
  },

  'GET /api/cases/{caseId}': { url: (w) => c(w), shows: none },
  'GET /api/cases/{caseId}/audit': { url: (w) => `${c(w)}/audit`, shows: none },
  'GET /api/cases/{caseId}/audit/export.csv': { url: (w) => `${c(w)}/audit/export.csv`, shows: none },
  'GET /api/cases/{caseId}/members': { url: (w) => `${c(w)}/members`, shows: none },
  'GET /api/cases/{caseId}/members/details': { url: (w) => `${c(w)}/members/details`, shows: none },
  'GET /api/cases/{caseId}/shares': { url: (w) => `${c(w)}/shares`, shows: none },
  'GET /api/cases/{caseId}/entity-rows': { url: (w) => `${c(w)}/entity-rows`, shows: ['unsharedName'] },
  'GET /api/cases/{caseId}/activity': {
    url: (w) => `${c(w)}/activity`,
    shows: ['victimPhone', 'victimIban', 'unsharedName'],
  },
  'GET /api/cases/{caseId}/files': { url: (w) => `${c(w)}/files`, shows: ['fileName'] },
  'GET /api/cases/{caseId}/files/{fileId}/content': {
    url: (w) => `${c(w)}/files/${w.ids.file}/content`,
    shows: none,
  },
  // The canary world holds no seized documents: a person is neither, and the answer names no one.
  'GET /api/cases/{caseId}/conversations/{entityId}': {
    url: (w) => `${c(w)}/conversations/${w.ids.victim}`,
    shows: none,
  },
  'GET /api/cases/{caseId}/documents/{entityId}': { url: (w) => `${c(w)}/documents/${w.ids.victim}`, shows: none },
  'GET /api/cases/{caseId}/document-search': {
    url: (w) => `${c(w)}/document-search?q=${q(canaries.victimName)}`,
    shows: none,
  },
  'GET /api/cases/{caseId}/indicator-marks': {
    url: (w) => `${c(w)}/indicator-marks?person=${w.ids.victim}`,
    shows: none,
  },
  'GET /api/cases/{caseId}/documents/{entityId}/mentions': {
    url: (w) => `${c(w)}/documents/${w.ids.victim}/mentions`,
    shows: none,
  },
  'GET /api/cases/{caseId}/entities': { url: (w) => `${c(w)}/entities`, shows: entityKinds },
  'GET /api/cases/{caseId}/entities/{entityId}': {
    url: (w) => `${c(w)}/entities/${w.ids.victim}`,
    shows: ['victimName', 'victimPhone', 'victimEmail', 'victimPassport', 'victimAddress', 'victimIban', 'noteText'],
  },
  'GET /api/cases/{caseId}/notes': { url: (w) => `${c(w)}/notes`, shows: none },
  'GET /api/cases/{caseId}/journal': { url: (w) => `${c(w)}/journal`, shows: ['unsharedName'] },
  'GET /api/cases/{caseId}/sources': { url: (w) => `${c(w)}/sources`, shows: ['fileName', 'unsharedName'] },
  'GET /api/cases/{caseId}/search': {
    url: (w) => `${c(w)}/search?q=${q(canaries.victimName)}`,
    shows: ['victimName', 'victimPhone', 'victimEmail', 'victimPassport', 'victimAddress'],
  },
  'GET /api/cases/{caseId}/selectors': {
    url: (w) => `${c(w)}/selectors?kind=iban&value=${canaries.victimIban}`,
    echo: ['normalised'],
    shows: ['victimIban'],
  },
  'GET /api/cases/{caseId}/transactions': { url: (w) => `${c(w)}/transactions`, shows: [...lines, 'unsharedName'] },
  // Without the lead's victim-identities flag even the lead gets victims by pseudonym (leadExport.test.ts).
  'GET /api/cases/{caseId}/export': {
    url: (w) => `${c(w)}/export`,
    shows: ['unsharedName'],
  },
  'GET /api/cases/{caseId}/companies/chains': { url: (w) => `${c(w)}/companies/chains`, shows: none },
  'GET /api/cases/{caseId}/companies/flags': { url: (w) => `${c(w)}/companies/flags`, shows: none },
  'GET /api/cases/{caseId}/resolution/candidates': { url: (w) => `${c(w)}/resolution/candidates`, shows: none },
  'GET /api/cases/{caseId}/resolution/decisions': { url: (w) => `${c(w)}/resolution/decisions`, shows: none },
  'GET /api/cases/{caseId}/resolution/merges': { url: (w) => `${c(w)}/resolution/merges`, shows: none },
  'GET /api/cases/{caseId}/finance/accounts': {
    url: (w) => `${c(w)}/finance/accounts`,
    shows: ['victimIban', 'unsharedName'],
  },
  'GET /api/cases/{caseId}/finance/holders': { url: (w) => `${c(w)}/finance/holders`, shows: ['unsharedName'] },
  'GET /api/cases/{caseId}/finance/counterparties': {
    url: (w) => `${c(w)}/finance/counterparties?account=${w.ids.suspectAccount}`,
    shows: ['victimIban', 'counterpartyName', 'unsharedName'],
  },
  'GET /api/cases/{caseId}/finance/flows': {
    url: (w) => `${c(w)}/finance/flows`,
    shows: ['victimIban', 'unsharedName'],
  },
  'GET /api/cases/{caseId}/finance/trace': {
    url: (w) => `${c(w)}/finance/trace?account=${w.ids.suspectAccount}`,
    shows: none,
  },
  'GET /api/cases/{caseId}/finance/transactions': {
    url: (w) => `${c(w)}/finance/transactions`,
    shows: [...lines, 'unsharedName'],
  },
  'GET /api/cases/{caseId}/finance/transactions/export': {
    url: (w) => `${c(w)}/finance/transactions/export`,
    shows: [...lines, 'unsharedName'],
  },
  'GET /api/cases/{caseId}/findings': { url: (w) => `${c(w)}/findings`, shows: none },
  'GET /api/cases/{caseId}/findings/{findingId}': {
    url: (w) => `${c(w)}/findings/${w.ids.finding ?? 'no-finding'}`,
    shows: none,
  },
  'GET /api/cases/{caseId}/proceeds': { url: (w) => `${c(w)}/proceeds`, shows: none },
  'GET /api/cases/{caseId}/proceeds/model': { url: (w) => `${c(w)}/proceeds/model`, shows: none },
  'GET /api/cases/{caseId}/captures': { url: (w) => `${c(w)}/captures`, shows: none },
  'GET /api/cases/{caseId}/captures/networks': { url: (w) => `${c(w)}/captures/networks`, shows: none },
  'GET /api/cases/{caseId}/captures/{captureId}': { url: (w) => `${c(w)}/captures/no-capture`, shows: none },
  'GET /api/cases/{caseId}/evidence/verify': { url: (w) => `${c(w)}/evidence/verify`, shows: ['fileName'] },
  'GET /api/cases/{caseId}/views/chain': {
    url: (w) => `${c(w)}/views/chain`,
    shows: ['victimPhone', 'victimIban', 'unsharedName'],
  },
  'GET /api/cases/{caseId}/views/timeline': { url: (w) => `${c(w)}/views/timeline`, shows: none },
  'GET /api/cases/{caseId}/views/map': { url: (w) => `${c(w)}/views/map`, shows: none },
  'GET /api/cases/{caseId}/views/money-flow/transactions': {
    url: (w) =>
      `${c(w)}/views/money-flow/transactions?level=account&currency=EUR&source=${w.ids.suspectAccount}` +
      `&target=${w.ids.victimAccount}`,
    shows: ['counterpartyName'],
  },
  'GET /api/cases/{caseId}/graph': {
    url: (w) => `${c(w)}/graph`,
    shows: ['victimPhone', 'victimIban', 'exploitedName', 'exploitedPhone', 'possibleVictimName', 'unsharedName'],
  },
  'GET /api/cases/{caseId}/graph/neighbourhood': {
    url: (w) => `${c(w)}/graph/neighbourhood?ids=${w.ids.suspect}&steps=2`,
    shows: ['victimIban', 'unsharedName'],
  },
  'GET /api/cases/{caseId}/graph/paths': {
    url: (w) => `${c(w)}/graph/paths?source=${w.ids.suspect}&target=${w.ids.victim}`,
    shows: none,
  },
  'GET /api/cases/{caseId}/charts': { url: (w) => `${c(w)}/charts`, shows: none },
  'GET /api/cases/{caseId}/charts/{chartId}': { url: (w) => `${c(w)}/charts/no-chart`, shows: none },
  'GET /api/cases/{caseId}/charts/{chartId}/export': { url: (w) => `${c(w)}/charts/no-chart/export`, shows: none },
  'GET /api/cases/{caseId}/reports/{jobId}': { url: (w) => `${c(w)}/reports/{jobId}`, shows: none, reportJob: true },
  'GET /api/cases/{caseId}/reports/{jobId}/download': {
    url: (w) => `${c(w)}/reports/{jobId}/download`,
    shows: ['victimPhone', 'victimIban', 'fileName', 'unsharedName'],
    reportJob: true,
  },
  // A job's state: kind, step, counts and why it failed — never case data.
  'GET /api/cases/{caseId}/jobs': { url: (w) => `${c(w)}/jobs`, shows: none },
  'GET /api/cases/{caseId}/jobs/{jobId}': { url: (w) => `${c(w)}/jobs/{jobId}`, shows: none, reportJob: true },
  'GET /api/cases/{caseId}/evidence-register': { url: (w) => `${c(w)}/evidence-register`, shows: ['fileName'] },
  'GET /api/cases/{caseId}/anx': { url: (w) => `${c(w)}/anx`, shows: ['victimPhone', 'victimIban', 'unsharedName'] },
  'GET /api/cases/{caseId}/victims': { url: (w) => `${c(w)}/victims`, shows: ['victimName', 'victimNameCyrillic'] },
  'GET /api/cases/{caseId}/victims/{personId}/file': {
    url: (w) => `${c(w)}/victims/${w.ids.victim}/file`,
    shows: ['victimName'],
  },
  'GET /api/cases/{caseId}/identification/persons': { url: (w) => `${c(w)}/identification/persons`, shows: names },
  'GET /api/cases/{caseId}/identification/persons/{personId}/assessments': {
    url: (w) => `${c(w)}/identification/persons/${w.ids.victim}/assessments`,
    shows: none,
  },
  'GET /api/cases/{caseId}/identification/observations': {
    url: (w) => `${c(w)}/identification/observations?person=${w.ids.victim}`,
    shows: none,
  },
  'GET /api/cases/{caseId}/legal-matrix': {
    url: (w) => `${c(w)}/legal-matrix`,
    shows: ['victimName', 'victimNameCyrillic'],
  },
  'GET /api/cases/{caseId}/hits': { url: (w) => `${c(w)}/hits`, shows: none },
  'GET /api/cases/{caseId}/cooperation/requests': { url: (w) => `${c(w)}/cooperation/requests`, shows: none },
};
