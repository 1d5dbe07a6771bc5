/**
 * Exports of a case's entities, streamed page by page so a large case never sits in memory.
 * What leaves the platform obeys the same rules as what is shown: victims by pseudonym unless
 * the case lead allows their identities out (a logged decision), handling codes that forbid
 * export are respected, and every export carries a watermark naming who, which agency and when.
 */
import { handlingCodeOf, strictest } from '../../domain/access/handlingCodes.ts';
import { isVictim, redactVictim } from '../../domain/access/victims.ts';
import { noProtection, pseudonymIn } from '../../domain/access/visibility.ts';
import type { EntityRecord, Grading } from '../../domain/records.ts';
import { exportFtm } from '../../ingest/formats/index.ts';
import type { ExportFtmOptions } from '../../ingest/formats/index.ts';
import { errors } from '../../shared/errors.ts';
import { getAgency } from '../../store/repos/access/agencies.ts';
import { getCase } from '../../store/repos/cases/cases.ts';
import { sharedEntityList } from '../../store/repos/cases/shares.ts';
import { listEntities } from '../../store/repos/entities/entities.ts';
import type { Store } from '../../store/store.ts';
import type { Actor, CaseAccess } from '../access/index.ts';
import { visibilityOf } from '../access/index.ts';
import { caseUseCase } from '../useCase/index.ts';

export interface ExportRules {
  /** Victims' identifying properties leave only when the lead says so. */
  victimIdentities: boolean;
  /** Entities whose handling code forbids export are left out unless the lead exports. */
  lead: boolean;
  /** Only these entity ids (a partial share). */
  only: ReadonlySet<string> | null;
  caseHandlingCode: string | null;
  /** The pseudonym of an entity the exporter may not identify (a selector of a protected person), else null. */
  pseudonymFor?: (id: string) => string | null;
}

export async function* caseEntities(
  store: Store,
  caseId: string,
  rules?: ExportRules,
  pageSize = 1000,
): AsyncGenerator<EntityRecord> {
  const scope = store.scope(caseId);
  let after: { caption: string; id: string } | undefined;
  for (;;) {
    const rows = await listEntities(scope, { after, limit: pageSize });
    for (const r of rows) {
      let properties = JSON.parse(r.properties) as Record<string, string[]>;
      if (rules) {
        if (rules.only && !rules.only.has(r.id)) continue;
        const code = strictest(rules.caseHandlingCode, r.handling_code);
        if (code?.export === 'refused' || (code?.export === 'lead-only' && !rules.lead)) continue;
        if (!rules.victimIdentities && isVictim(r.schema, properties))
          properties = { ...redactVictim(properties), name: [pseudonymIn(noProtection, r.id)] };
        const pseudonym = rules.pseudonymFor?.(r.id);
        if (pseudonym) properties = { ...redactVictim(properties), name: [pseudonym] };
      }
      yield {
        id: r.id,
        schema: r.schema,
        properties,
        grading: {
          reliability: r.reliability as Grading['reliability'],
          information: r.information as Grading['information'],
        },
      };
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < pageSize) return;
    after = { caption: last.caption, id: last.id };
  }
}

/** The export's watermark: an FtM Note-like Document naming the exporter, their agency and the time. */
export async function watermark(store: Store, actor: Actor, caseId: string, at = new Date()): Promise<EntityRecord> {
  const agency = actor.agencyId ? await getAgency(store.db, actor.agencyId) : undefined;
  const who = `${actor.username}${agency ? ` (${agency.name}, ${agency.country})` : ''}`;
  return {
    id: `export-watermark-${at.getTime()}`,
    schema: 'Document',
    properties: {
      title: [`Exported from ELECT THB by ${who} at ${at.toISOString()}`],
      summary: [
        `Case ${caseId}. Handle according to the case's handling code; onward sharing requires the case lead's consent.`,
      ],
      date: [at.toISOString().slice(0, 10)],
    },
  };
}

/** The case, when the case's handling code lets this actor export it (every export asks first). */
export async function exportableCase(store: Store, access: CaseAccess) {
  const kase = await getCase(store.scope(access.caseId));
  if (!kase) throw errors.notFound('Case');
  const code = handlingCodeOf(kase.handling_code);
  if (code?.export === 'refused' || (code?.export === 'lead-only' && access.role !== 'lead')) {
    throw errors.forbidden(`Handling code ${code.code} (${code.label}): only the case lead may export this case`);
  }
  return kase;
}

export interface CaseExportRequest {
  victimIdentities?: boolean;
  extensionProperties?: boolean;
}

/** The case as FollowTheMoney entity JSON lines, watermarked first, under the actor's rules. */
export async function exportCaseFtm(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  req: CaseExportRequest = {},
): Promise<AsyncGenerator<string>> {
  const kase = await exportableCase(store, access);
  const lead = access.role === 'lead';
  if (req.victimIdentities && !lead)
    throw errors.forbidden("Only the case lead may let victims' identities leave in an export");
  let only: ReadonlySet<string> | null = null;
  if (access.partial && access.sharedAgencyId)
    only = new Set(await sharedEntityList(store.scope(access.caseId), access.sharedAgencyId));
  // Without the lead's flag, victims leave as they would for a user without victim contact: the
  // protected persons and the phone, e-mail, account and document nodes that identify them by pseudonym.
  const v = await visibilityOf(store, req.victimIdentities ? access : { ...access, victimContact: false });
  const rules: ExportRules = {
    victimIdentities: !!req.victimIdentities,
    lead,
    only,
    caseHandlingCode: kase.handling_code,
    pseudonymFor: (id) => (v.protection.pseudonymous.has(id) ? pseudonymIn(v.protection, id) : null),
  };
  const mark = await watermark(store, actor, access.caseId);
  const options: ExportFtmOptions = { extensionProperties: req.extensionProperties ?? true };
  async function* withMark(): AsyncGenerator<EntityRecord> {
    yield mark;
    yield* caseEntities(store, access.caseId, rules);
  }
  return exportFtm(withMark(), options);
}

export interface CaseExportInput {
  format: 'ftm';
  victimIdentities: boolean;
  extensionProperties: boolean;
}

/** The export as a stream of lines, for the API; the record is made as the stream starts. */
export const exportCase = caseUseCase({
  permission: 'case:read',
  audit: { action: 'disclosure', target: 'export' },
  run: async ({ store, actor, access, audit }, input: CaseExportInput) => {
    const lines = await exportCaseFtm(store, actor, access, {
      victimIdentities: input.victimIdentities,
      extensionProperties: input.extensionProperties,
    });
    audit.detail({ format: input.format, victimIdentities: input.victimIdentities });
    return lines;
  },
});

/** The export written line by line through `write`, recorded with how many entities went out. */
export const writeCaseExport = caseUseCase({
  permission: 'case:read',
  audit: { action: 'disclosure', target: 'export' },
  run: async (
    { store, actor, access, audit },
    input: CaseExportInput & { write: (line: string) => Promise<void> },
  ): Promise<{ entities: number }> => {
    const lines = await exportCaseFtm(store, actor, access, {
      victimIdentities: input.victimIdentities,
      extensionProperties: input.extensionProperties,
    });
    let n = 0;
    for await (const line of lines) {
      n++;
      await input.write(line);
    }
    audit.detail({ format: input.format, entities: n, victimIdentities: input.victimIdentities });
    return { entities: n };
  },
});
