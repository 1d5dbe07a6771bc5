/**
 * What users do with victim identification, each recording itself once: read the indicator
 * catalogues and the screening form, apply a decision rule, import an agency's list, and per case
 * list persons with their results, read and record assessments and observations, fill
 * assessments from observations, and read the legal-element matrix. Assessments and observations
 * are victim data: only users with victim contact on the case reach them.
 */
import { basename } from 'node:path';
import type { z } from 'zod';
import {
  evaluate,
  findList,
  SCREENING_GUIDANCE,
  SCREENING_QUESTIONS,
  SCREENING_SOURCE,
} from '../../domain/indicators/index.ts';
import type { Act } from '../../domain/indicators/index.ts';
import type { EvaluateBody, ImportCatalogueBody, PersonsQuery } from '../../shared/contracts/identification.ts';
import { errors } from '../../shared/errors.ts';
import { visibilityOf, type CaseAccess } from '../access/index.ts';
import { caseUseCase, globalUseCase } from '../useCase/index.ts';
import { assessmentHistory, personSummaries, requirePerson, saveAssessment } from './assessments.ts';
import { getCatalogue, importCatalogue, listCatalogues } from './catalogues.ts';
import { fillAssessments, observationsOf } from './fill.ts';
import { surfaceFromData } from './fromData.ts';
import { legalMatrix } from './legalMatrix.ts';
import { attachPendingObservations, importObservationRecords } from './observationsImport.ts';
import type { ImportInput } from '../../ingest/types.ts';
import { fileInput, memoryInput } from '../../ingest/files.ts';

export type ObservationsFile = { path: string } | { fileName: string; content: string | Buffer };
const fileNameOf = (i: ObservationsFile) => ('path' in i ? basename(i.path) : i.fileName);

const mustWrite = (access: CaseAccess) => {
  if (!access.canWrite) throw errors.forbidden(`Your access to this case (${access.role}) does not allow changes`);
};

export const indicatorCatalogues = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'indicator_catalogues' },
  run: async ({ store }) => ({ catalogues: await listCatalogues(store) }),
});

export const indicatorCatalogue = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'indicator_catalogue', targetOf: (i: { key: string }) => i.key },
  run: async ({ store }, { key, version }: { key: string; version?: number | undefined }) => ({
    catalogue: await getCatalogue(store, key, version),
  }),
});

/** An agency's list as a new catalogue version (administrators). */
export const importIndicatorCatalogue = globalUseCase({
  permission: 'indicators:manage',
  audit: { action: 'collection', target: 'indicator_catalogue' },
  run: async ({ store, actor, audit }, body: ImportCatalogueBody) => {
    const catalogue = await importCatalogue(store, actor, body);
    audit.target(`${catalogue.key}@${catalogue.version}`);
    return { catalogue };
  },
});

/** A catalogue's decision rule applied to a set of indicators and acts: no case data, nothing stored. */
export const evaluateIndicators = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'indicator_catalogue', targetOf: (b: { catalogue: string }) => b.catalogue },
  run: async ({ store }, body: z.infer<typeof EvaluateBody>) => {
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

export const screeningForm = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'screening_form' },
  run: async () => ({ source: SCREENING_SOURCE, guidance: SCREENING_GUIDANCE, questions: SCREENING_QUESTIONS }),
});

export const casePersons = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'assessments' },
  run: async ({ store, access, audit }, query: z.infer<typeof PersonsQuery>) => {
    const persons = await personSummaries(store, access, query);
    audit.returned(persons.map((p) => p.id));
    return { persons, victimContact: access.victimContact };
  },
});

const personOf = (i: { personId: string }) => i.personId;

export const personAssessments = caseUseCase({
  permission: 'case:victims',
  audit: { action: 'consultation', target: 'person', targetOf: personOf },
  run: async ({ store, caseId, access, audit }, { personId }: { personId: string }) => {
    await requirePerson(store, access, await visibilityOf(store, access), personId);
    const assessments = await assessmentHistory(store, caseId, personId);
    audit.returned(assessments.map((a) => a.id));
    return { assessments };
  },
});

/** A new assessment of a person; the body is checked against its catalogue and the case. */
export const assessPerson = caseUseCase({
  permission: 'case:victims',
  audit: { action: 'collection', target: 'person', targetOf: personOf },
  run: async ({ store, actor, access, audit }, { personId, body }: { personId: string; body: unknown }) => {
    mustWrite(access);
    const saved = await saveAssessment(store, actor, access, personId, body);
    audit.detail({
      outcome: saved.outcome,
      indicators: saved.indicators.length,
      catalogue: `${saved.catalogue.key}@${saved.catalogue.version}`,
    });
    audit.returned([saved.id]);
    return { assessment: saved };
  },
});

export const personObservations = caseUseCase({
  permission: 'case:victims',
  audit: { action: 'consultation', target: 'person', targetOf: (q: { person: string }) => q.person },
  run: async ({ store, caseId, access, audit }, { person }: { person: string }) => {
    await requirePerson(store, access, await visibilityOf(store, access), person);
    const observations = await observationsOf(store, caseId, person);
    audit.returned(observations.map((o) => o.id));
    return { observations };
  },
});

/**
 * A new assessment per person with recorded observations (a demo case gets the generator's
 * indicator facts as observations when it loads); imported rows still pending are first attached
 * to the records that now carry their identifiers.
 */
export const fillFromObservations = caseUseCase({
  permission: 'case:victims',
  audit: { action: 'combination', target: 'assessments' },
  run: async ({ store, actor, access, audit }, input: { persons?: string[] | undefined; catalogue?: string }) => {
    mustWrite(access);
    if (access.partial) throw errors.forbidden('Filling runs over the whole case; a partial share cannot run it');
    const attached = await attachPendingObservations(store, access);
    const out = await fillAssessments(store, actor, access, {
      persons: input.persons,
      ...(input.catalogue ? { catalogue: input.catalogue } : {}),
    });
    audit.detail({ attached, assessed: out.assessed, presumed: out.presumed });
    audit.returned(out.assessments.map((a) => a.personId));
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

/**
 * Interview and inspection records (a CSV, one indicator a row) as observations on the persons
 * their identifiers name; rows naming nobody of the case are returned and kept pending (filling
 * attaches them once an import brings a record they name). The file is
 * read from `path`, or given as `content` under `fileName`.
 */
export const importObservations = caseUseCase({
  permission: 'case:victims',
  audit: { action: 'collection', target: 'observations', targetOf: (i: ObservationsFile) => fileNameOf(i) },
  run: async ({ store, actor, access, audit }, i: ObservationsFile) => {
    mustWrite(access);
    let input: ImportInput;
    try {
      input = 'path' in i ? fileInput(i.path) : memoryInput(i.fileName, i.content);
    } catch (e) {
      throw errors.validation(`Cannot read ${fileNameOf(i)}: ${e instanceof Error ? e.message : String(e)}`, 'file');
    }
    const out = await importObservationRecords(store, actor, access, input);
    audit.detail({ rows: out.rows, recorded: out.recorded, unmatched: out.unmatched.length });
    return out;
  },
});

/**
 * Possible victims from the case's records: suggested observations (kick-backs, deductions, wage
 * kept below the statutory minimum, payroll without tax, a suspect's contact details at the bank),
 * each citing its lines and entities, for the analyst to confirm before filling.
 */
export const suggestFromData = caseUseCase({
  permission: 'case:victims',
  audit: { action: 'combination', target: 'observations' },
  run: async ({ store, actor, access, audit }, _input: Record<string, never>) => {
    mustWrite(access);
    if (access.partial) throw errors.forbidden('Suggesting runs over the whole case; a partial share cannot run it');
    const out = await surfaceFromData(store, actor, access);
    audit.detail({ persons: out.persons, added: out.suggestions.filter((s) => s.added).length });
    audit.returned([...new Set(out.suggestions.map((s) => s.personId))]);
    return out;
  },
});

export const openLegalMatrix = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'legal_matrix' },
  run: async ({ store, access, audit }, { victim }: { victim?: string | undefined }) => {
    const matrix = await legalMatrix(store, access, victim);
    audit.returned([...matrix.victims.map((v) => v.id), ...matrix.suspects.map((s) => s.id)]);
    return matrix;
  },
});
