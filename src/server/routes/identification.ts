/**
 * Victim identification: indicator catalogues (read by anyone signed in, imported by an
 * administrator), the decision rule applied to a set of indicators, the screening interview,
 * and per case the persons with their latest result, assessments and their history, recorded
 * observations, filling assessments from them, and the legal-element matrix. Assessments and
 * observations are victim data: only users with victim contact on the case read or write them.
 */
import { z } from 'zod';
import {
  evaluate,
  findList,
  SCREENING_GUIDANCE,
  SCREENING_QUESTIONS,
  SCREENING_SOURCE,
} from '../../domain/indicators/index.ts';
import type { Act } from '../../domain/indicators/index.ts';
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
import { errors } from '../../shared/errors.ts';
import { assessmentHistory, personSummaries, requirePerson, saveAssessment } from '../../services/identification/assessments.ts';
import { getCatalogue, importCatalogue, listCatalogues } from '../../services/identification/catalogues.ts';
import { fillAssessments, observationsOf } from '../../services/identification/fill.ts';
import { legalMatrix } from '../../services/identification/legalMatrix.ts';
import { visibilityOf } from '../../services/access/visibility.ts';
import type { CaseAccess } from '../../services/access/policy.ts';
import { MiB } from '../http/route.ts';
import { CaseParams } from './cases/cases.ts';
import type { Router } from './router.ts';

const KeyParams = z.object({ key: z.string().min(1).max(80) });
const PersonParams = CaseParams.extend({ personId: z.string().min(1).max(200) });
const victims = { case: 'case:victims' } as const;

const mustWrite = (access: CaseAccess) => {
  if (!access.canWrite) throw errors.forbidden(`Your access to this case (${access.role}) does not allow changes`);
};

export function identificationRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/indicator-catalogues',
    tag: 'identification',
    summary:
      'Indicator catalogues: built-in (ILO/EC Delphi 2009, ILO forced labour, UNODC signs) and imported, with their versions',
    access: 'authenticated',
    handler: async ({ store }) => ({ catalogues: await listCatalogues(store) }),
  });

  r({
    method: 'GET',
    url: '/api/indicator-catalogues/:key',
    tag: 'identification',
    summary: 'A catalogue with its lists, items (source, rating, verification), dimensions and decision rule',
    params: KeyParams,
    query: CatalogueQuery,
    access: 'authenticated',
    handler: async ({ store, params, query }) => ({ catalogue: await getCatalogue(store, params.key, query.version) }),
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
    handler: async ({ store, actor, body }) => ({ catalogue: await importCatalogue(store, actor, body) }),
  });

  r({
    method: 'POST',
    url: '/api/indicators/evaluate',
    tag: 'identification',
    summary: 'Apply a catalogue’s decision rule to a set of indicators and acts (no case data, nothing stored)',
    body: EvaluateBody,
    access: 'authenticated',
    handler: async ({ store, body }) => {
      const catalogue = await getCatalogue(store, body.catalogue, body.version);
      if (!findList(catalogue, body.list))
        throw errors.validation(`body.list: ${catalogue.key} has no list "${body.list}"`, 'body.list');
      return {
        decision: evaluate({
          catalogue,
          listId: body.list,
          population: body.population,
          itemIds: body.items,
          acts: body.acts as Act[],
        }),
      };
    },
  });

  r({
    method: 'GET',
    url: '/api/screening-form',
    tag: 'identification',
    summary:
      'The first-contact screening interview: questions in four languages, trauma-aware notes, the indicators each answer records',
    access: 'authenticated',
    handler: async () => ({ source: SCREENING_SOURCE, guidance: SCREENING_GUIDANCE, questions: SCREENING_QUESTIONS }),
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
    audit: { action: 'consultation', target: 'assessments' },
    handler: async ({ store, query, access, auditIds }) => {
      const persons = await personSummaries(store, access, query);
      auditIds(persons.map((p) => p.id));
      return { persons, victimContact: access.victimContact };
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/identification/persons/:personId/assessments',
    tag: 'identification',
    summary: 'Every assessment of a person, newest first, with its decision, evidence and catalogue version',
    params: PersonParams,
    access: victims,
    audit: { action: 'consultation', target: 'person', targetParam: 'personId' },
    handler: async ({ store, caseId, params, access, auditIds }) => {
      await requirePerson(store, access, await visibilityOf(store, access), params.personId);
      const assessments = await assessmentHistory(store, caseId, params.personId);
      auditIds(assessments.map((a) => a.id));
      return { assessments };
    },
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
    audit: { action: 'collection', target: 'person', targetParam: 'personId' },
    handler: async ({ store, actor, params, body, access, auditDetail, auditIds }) => {
      mustWrite(access);
      const saved = await saveAssessment(store, actor, access, params.personId, body);
      Object.assign(auditDetail, {
        outcome: saved.outcome,
        indicators: saved.indicators.length,
        catalogue: `${saved.catalogue.key}@${saved.catalogue.version}`,
      });
      auditIds([saved.id]);
      return { assessment: saved };
    },
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
    audit: { action: 'consultation', target: 'person' },
    handler: async ({ store, caseId, query, access, auditIds, setAuditTarget }) => {
      await requirePerson(store, access, await visibilityOf(store, access), query.person);
      setAuditTarget(query.person);
      const observations = await observationsOf(store, caseId, query.person);
      auditIds(observations.map((o) => o.id));
      return { observations };
    },
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/identification/fill',
    tag: 'identification',
    summary: 'Fill a new assessment for each person with recorded observations, decided by the catalogue’s rule',
    params: CaseParams,
    body: FillBody,
    access: victims,
    audit: { action: 'combination', target: 'assessments' },
    handler: async ({ store, actor, body, access, auditDetail, auditIds }) => {
      mustWrite(access);
      if (access.partial) throw errors.forbidden('Filling runs over the whole case; a partial share cannot run it');
      const out = await fillAssessments(store, actor, access, { persons: body.persons, catalogue: body.catalogue });
      Object.assign(auditDetail, { assessed: out.assessed, presumed: out.presumed });
      auditIds(out.assessments.map((a) => a.personId));
      return {
        assessed: out.assessed,
        presumed: out.presumed,
        results: out.assessments.map((a) => ({
          personId: a.personId,
          assessmentId: a.id,
          outcome: a.outcome,
          explanation: a.decision.explanation,
        })),
      };
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/legal-matrix',
    tag: 'identification',
    summary: 'Act, means and purpose per victim and suspect, each with the facts that support it and the gaps',
    params: CaseParams,
    query: MatrixQuery,
    access: { case: 'case:read' },
    audit: { action: 'consultation', target: 'legal_matrix' },
    handler: async ({ store, query, access, auditIds }) => {
      const matrix = await legalMatrix(store, access, query.victim);
      auditIds([...matrix.victims.map((v) => v.id), ...matrix.suspects.map((s) => s.id)]);
      return matrix;
    },
  });
}
