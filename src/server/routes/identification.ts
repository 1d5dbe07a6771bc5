/**
 * Victim identification: indicator catalogues (read by anyone signed in, imported by an
 * administrator), the decision rule applied to a set of indicators, the screening interview,
 * and per case the persons with their latest result, assessments and their history, recorded
 * observations, filling assessments from them, and the legal-element matrix. Assessments and
 * observations are victim data: only users with victim contact on the case read or write them.
 */
import { z } from 'zod';
import {
  AssessmentBody,
  CatalogueQuery,
  EvaluateBody,
  FillBody,
  ImportCatalogueBody,
  MatrixQuery,
  ObservationsQuery,
  PersonsQuery,
} from '../../shared/contracts/identification.ts';
import {
  assessPerson,
  casePersons,
  evaluateIndicators,
  fillFromObservations,
  suggestFromData,
  importIndicatorCatalogue,
  indicatorCatalogue,
  indicatorCatalogues,
  openLegalMatrix,
  personAssessments,
  personObservations,
  screeningForm,
} from '../../services/identification/index.ts';
import { MiB } from '../http/route.ts';
import { CaseParams } from './cases/cases.ts';
import type { Router } from './router.ts';

const KeyParams = z.object({ key: z.string().min(1).max(80) });
const PersonParams = CaseParams.extend({ personId: z.string().min(1).max(200) });
const victims = { case: 'case:victims' } as const;

export function identificationRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/indicator-catalogues',
    tag: 'identification',
    summary:
      'Indicator catalogues: built-in (ILO/EC Delphi 2009, ILO forced labour, UNODC signs) and imported, with their versions',
    access: 'authenticated',
    handler: ({ store, caller }) => indicatorCatalogues(store, caller),
  });

  r({
    method: 'GET',
    url: '/api/indicator-catalogues/:key',
    tag: 'identification',
    summary: 'A catalogue with its lists, items (source, rating, verification), dimensions and decision rule',
    params: KeyParams,
    query: CatalogueQuery,
    access: 'authenticated',
    handler: ({ store, caller, params, query }) =>
      indicatorCatalogue(store, caller, { key: params.key, version: query.version }),
  });

  r({
    method: 'POST',
    url: '/api/indicator-catalogues',
    tag: 'identification',
    summary: 'Import an agency’s official or national indicator list (JSON catalogue or CSV lines) as a new version',
    body: ImportCatalogueBody,
    bodyLimit: 4 * MiB,
    status: 201,
    access: { global: 'indicators:manage' },
    handler: ({ store, caller, body }) => importIndicatorCatalogue(store, caller, body),
  });

  r({
    method: 'POST',
    url: '/api/indicators/evaluate',
    tag: 'identification',
    summary: 'Apply a catalogue’s decision rule to a set of indicators and acts (no case data, nothing stored)',
    body: EvaluateBody,
    access: 'authenticated',
    handler: ({ store, caller, body }) => evaluateIndicators(store, caller, body),
  });

  r({
    method: 'GET',
    url: '/api/screening-form',
    tag: 'identification',
    summary:
      'The first-contact screening interview: questions in four languages, trauma-aware notes, the indicators each answer records',
    access: 'authenticated',
    handler: ({ store, caller }) => screeningForm(store, caller),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/identification/persons',
    tag: 'identification',
    summary:
      'Persons of the case with their latest assessment result (assessed persons by pseudonym without victim contact)',
    params: CaseParams,
    query: PersonsQuery,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId, query }) => casePersons(store, caller, caseId, query),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/identification/persons/:personId/assessments',
    tag: 'identification',
    summary: 'Every assessment of a person, newest first, with its decision, evidence and catalogue version',
    params: PersonParams,
    access: victims,
    handler: ({ store, caller, caseId, params }) => personAssessments(store, caller, caseId, params),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/identification/persons/:personId/assessments',
    tag: 'identification',
    summary:
      'Record a new assessment of a person (indicators with evidence and grading, acts, screening answers); the last one is kept in the history',
    params: PersonParams,
    body: AssessmentBody,
    status: 201,
    access: victims,
    handler: ({ store, caller, caseId, params, body }) =>
      assessPerson(store, caller, caseId, { personId: params.personId, body }),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/identification/observations',
    tag: 'identification',
    summary:
      'Observations recorded about a person (statements, inspection findings), each tagged with the indicator it shows',
    params: CaseParams,
    query: ObservationsQuery,
    access: victims,
    handler: ({ store, caller, caseId, query }) => personObservations(store, caller, caseId, query),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/identification/fill',
    tag: 'identification',
    summary: 'Fill a new assessment for each person with recorded observations, decided by the catalogue’s rule',
    params: CaseParams,
    body: FillBody,
    access: victims,
    handler: ({ store, caller, caseId, body }) => fillFromObservations(store, caller, caseId, body),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/identification/suggest',
    tag: 'identification',
    summary: 'Possible victims from the case’s records: suggested observations citing lines and entities, to confirm',
    params: CaseParams,
    access: victims,
    handler: ({ store, caller, caseId }) => suggestFromData(store, caller, caseId, {}),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/legal-matrix',
    tag: 'identification',
    summary: 'Act, means and purpose per victim and suspect, each with the facts that support it and the gaps',
    params: CaseParams,
    query: MatrixQuery,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId, query }) => openLegalMatrix(store, caller, caseId, query),
  });
}
