/**
 * The victim's proceedings file (migration 015): referral, reflection period and its reminders,
 * residence permit, interpreter and counsel, protective measures, non-punishment, and the
 * compensation claim computed from the proceeds estimate. Only for users with the
 * victim-contact permission (the routes authorise `case:victims`); every view is audited there.
 */
import { isVictim } from '../../domain/access/victims.ts';
import { compensationClaim } from '../../domain/prosecution/report.ts';
import { checkPeriod, reminderState } from '../../domain/prosecution/reflection.ts';
import type { Clock } from '../../domain/prosecution/reflection.ts';
import { captionOf } from '../../domain/schema/index.ts';
import type { Properties } from '../../domain/schema/types.ts';
import type { VictimFileBody, VictimFileOut } from '../../shared/contracts/prosecution.ts';
import { VictimFileOut as VictimFileOutSchema } from '../../shared/contracts/prosecution.ts';
import { errors } from '../../shared/errors.ts';
import { getEntity } from '../../store/repos/entities/entities.ts';
import {
  caseCountry,
  casePersons,
  getVictimFileRow,
  insertVictimFile,
  listVictimFiles,
  updateVictimFile,
} from '../../store/repos/prosecution/victimFiles.ts';
import type { VictimFileRow } from '../../store/repos/prosecution/victimFiles.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/index.ts';
import { estimateCaseProceeds } from '../finance/index.ts';

/** Reminders are reckoned in the contact person's day; the platform's users work in these zones. */
export const CASE_TIME_ZONES: Readonly<Record<string, string>> = {
  FI: 'Europe/Helsinki',
  EE: 'Europe/Tallinn',
  LV: 'Europe/Riga',
  LT: 'Europe/Vilnius',
};

async function requireVictim(store: Store, caseId: string, personId: string) {
  const row = await getEntity(store.scope(caseId), personId);
  if (!row || row.schema !== 'Person') throw errors.notFound('Person');
  const props = JSON.parse(row.properties) as Properties;
  if (!isVictim('Person', props))
    throw errors.validation('This person is not recorded as a victim or presumed victim', 'personId');
  return { row, caption: captionOf({ schema: 'Person', properties: props }) || row.caption };
}

export async function listVictims(store: Store, caseId: string, clock: Clock = () => new Date()) {
  const scope = store.scope(caseId);
  const persons = await casePersons(scope);
  const files = new Map((await listVictimFiles(scope)).map((f) => [f.person_id, f]));
  const tz = await zoneOf(store, caseId);
  return persons
    .filter((p) => isVictim('Person', JSON.parse(p.properties) as Properties))
    .map((p) => {
      const f = files.get(p.id);
      const due =
        f?.reflection_start && f.reflection_end
          ? reminderState(
              { start: f.reflection_start, end: f.reflection_end },
              clock,
              tz,
              new Set(JSON.parse(f.reminders_ack) as string[]),
            ).due.length
          : 0;
      const caption = captionOf({ schema: 'Person', properties: JSON.parse(p.properties) as Properties }) || p.caption;
      return { personId: p.id, caption, hasFile: !!f, reflectionEnd: f?.reflection_end ?? null, dueReminders: due };
    })
    .sort((a, b) => a.caption.localeCompare(b.caption) || a.personId.localeCompare(b.personId));
}

async function zoneOf(store: Store, caseId: string): Promise<string> {
  return CASE_TIME_ZONES[(await caseCountry(store.scope(caseId))) ?? ''] ?? 'UTC';
}

function present(
  personId: string,
  caption: string,
  f: VictimFileRow | undefined,
  tz: string,
  clock: Clock,
): VictimFileOut {
  const period = f?.reflection_start && f.reflection_end ? { start: f.reflection_start, end: f.reflection_end } : null;
  const state = period
    ? reminderState(period, clock, tz, new Set(JSON.parse(f?.reminders_ack ?? '[]') as string[]))
    : null;
  return VictimFileOutSchema.parse({
    personId,
    caption,
    exists: !!f,
    version: f?.version ?? 0,
    referral: {
      organisation: f?.referral_org ?? null,
      date: f?.referral_date ?? null,
      outcome: f?.referral_outcome ?? null,
    },
    reflection: { start: f?.reflection_start ?? null, end: f?.reflection_end ?? null },
    residencePermit: { status: f?.residence_permit ?? null, until: f?.residence_permit_until ?? null },
    interpreterLanguage: f?.interpreter_language ?? null,
    legalCounsel: f?.legal_counsel ?? null,
    measures: f ? JSON.parse(f.protective_measures) : [],
    nonPunishment: { flagged: f?.non_punishment === 1, note: f?.non_punishment_note ?? null },
    reminders: {
      due: state?.due ?? [],
      next: state?.next ?? null,
      daysLeft: state?.daysLeft ?? null,
      ended: state?.ended ?? false,
    },
    compensation: f?.compensation ? JSON.parse(f.compensation) : null,
    updatedBy: f?.updated_by ?? null,
    updatedAt: f?.updated_at ?? null,
  });
}

export async function getVictimFile(
  store: Store,
  caseId: string,
  personId: string,
  clock: Clock = () => new Date(),
): Promise<VictimFileOut> {
  const { caption } = await requireVictim(store, caseId, personId);
  const f = await getVictimFileRow(store.scope(caseId), personId);
  return present(personId, caption, f, await zoneOf(store, caseId), clock);
}

/** Saves the file (optimistic on `version`; 0 creates it). Invalid periods are refused naming the field. */
export async function saveVictimFile(
  store: Store,
  actor: Actor,
  caseId: string,
  personId: string,
  body: VictimFileBody,
  clock: Clock = () => new Date(),
): Promise<VictimFileOut> {
  await requireVictim(store, caseId, personId);
  const { start, end } = body.reflection;
  if ((start === null) !== (end === null))
    throw errors.validation(
      'reflection: give both the start and the end, or neither',
      start === null ? 'reflection.start' : 'reflection.end',
    );
  if (start && end) {
    const problem = checkPeriod({ start, end })[0];
    if (problem) throw errors.validation(`reflection.${problem}`, `reflection.${problem.split(':')[0]}`);
  }
  const seen = new Set<string>();
  for (const [i, m] of body.measures.entries()) {
    if (seen.has(m.measure)) throw errors.validation(`measures: ${m.measure} is listed twice`, `measures.${i}.measure`);
    seen.add(m.measure);
    if (m.granted !== null && !m.asked)
      throw errors.validation(
        `measures: ${m.measure} was not asked for, so it cannot be granted or refused`,
        `measures.${i}.granted`,
      );
  }
  const now = clock().toISOString();
  await store.transaction(async (trx) => {
    const scope = store.scope(caseId).in(trx);
    const current = await getVictimFileRow(scope, personId);
    if ((current?.version ?? 0) !== body.version)
      throw errors.conflict(`The file changed since version ${body.version}; reload it and save again`, 'version');
    // Reminders acknowledged for an end date stay acknowledged only while the end date stands.
    const ack = current && current.reflection_end === end ? current.reminders_ack : '[]';
    const values = {
      referral_org: body.referral.organisation,
      referral_date: body.referral.date,
      referral_outcome: body.referral.outcome,
      reflection_start: start,
      reflection_end: end,
      reminders_ack: ack,
      residence_permit: body.residencePermit.status,
      residence_permit_until: body.residencePermit.until,
      interpreter_language: body.interpreterLanguage,
      legal_counsel: body.legalCounsel,
      protective_measures: JSON.stringify(body.measures),
      non_punishment: body.nonPunishment.flagged ? 1 : 0,
      non_punishment_note: body.nonPunishment.note,
      updated_by: actor.id,
      updated_at: now,
      version: body.version + 1,
    };
    if (current) await updateVictimFile(scope, personId, values);
    else await insertVictimFile(scope, personId, values);
  });
  return getVictimFile(store, caseId, personId, clock);
}

export async function acknowledgeReminder(
  store: Store,
  actor: Actor,
  caseId: string,
  personId: string,
  key: string,
  clock: Clock = () => new Date(),
): Promise<VictimFileOut> {
  const file = await getVictimFile(store, caseId, personId, clock);
  if (!file.reminders.due.some((r) => r.key === key))
    throw errors.validation(`No reminder "${key}" is due for this victim`, 'key');
  const scope = store.scope(caseId);
  const row = await getVictimFileRow(scope, personId);
  if (!row) throw errors.notFound('Victim file');
  const ack = [...new Set([...(JSON.parse(row.reminders_ack) as string[]), key])];
  await updateVictimFile(scope, personId, {
    reminders_ack: JSON.stringify(ack),
    updated_by: actor.id,
    updated_at: clock().toISOString(),
  });
  return getVictimFile(store, caseId, personId, clock);
}

/** Recomputes the victim's compensation claim from the case's proceeds estimate and keeps it with the file. */
export async function computeClaim(
  store: Store,
  actor: Actor,
  caseId: string,
  personId: string,
  clock: Clock = () => new Date(),
): Promise<VictimFileOut> {
  const file = await getVictimFile(store, caseId, personId, clock);
  if (!file.exists) throw errors.validation("Save the victim's file first", 'personId');
  const estimate = await estimateCaseProceeds(store, caseId);
  const mine = estimate.victims.find((v) => v.personId === personId);
  const claim = compensationClaim(mine?.items ?? [], mine?.currency ?? estimate.totals.currency);
  await updateVictimFile(store.scope(caseId), personId, {
    compensation: JSON.stringify(claim),
    updated_by: actor.id,
    updated_at: clock().toISOString(),
  });
  return getVictimFile(store, caseId, personId, clock);
}
