/**
 * The victim's proceedings file as use cases: only for users with the victim-contact permission
 * on the case (`case:victims`; others are refused), every view and change recorded. Changes also
 * need write access to the case (a prosecutor with victim contact reads, does not alter).
 */
import type { VictimFileBody } from '../../shared/contracts/prosecution.ts';
import { errors } from '../../shared/errors.ts';
import type { CaseAccess } from '../access/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import { acknowledgeReminder, computeClaim, getVictimFile, listVictims, saveVictimFile } from './victimFile.ts';

interface PersonIn {
  personId: string;
}
const personOf = (i: PersonIn) => i.personId;

const mustWrite = (a: CaseAccess) => {
  if (!a.canWrite)
    throw errors.forbidden(`Your access to this case (${a.role}) does not allow changing a victim's file`);
};

export const caseVictims = caseUseCase({
  permission: 'case:victims',
  audit: { action: 'consultation', target: 'victims' },
  run: async ({ store, caseId, audit }) => {
    const victims = await listVictims(store, caseId);
    audit.returned(victims.map((v) => v.personId));
    return { victims };
  },
});

export const victimFile = caseUseCase({
  permission: 'case:victims',
  audit: { action: 'consultation', target: 'victim-file', targetOf: personOf },
  run: ({ store, caseId }, { personId }: PersonIn) => getVictimFile(store, caseId, personId),
});

export const saveVictimFileOf = caseUseCase({
  permission: 'case:victims',
  audit: { action: 'alteration', target: 'victim-file', targetOf: personOf },
  run: async ({ store, actor, access, caseId }, { personId, file }: PersonIn & { file: VictimFileBody }) => {
    mustWrite(access);
    return saveVictimFile(store, actor, caseId, personId, file);
  },
});

export const victimClaim = caseUseCase({
  permission: 'case:victims',
  audit: { action: 'combination', target: 'victim-file', targetOf: personOf },
  run: async ({ store, actor, access, caseId }, { personId }: PersonIn) => {
    mustWrite(access);
    return computeClaim(store, actor, caseId, personId);
  },
});

export const acknowledgeVictimReminder = caseUseCase({
  permission: 'case:victims',
  audit: { action: 'alteration', target: 'victim-file', targetOf: personOf },
  run: async ({ store, actor, access, caseId }, { personId, key }: PersonIn & { key: string }) => {
    mustWrite(access);
    return acknowledgeReminder(store, actor, caseId, personId, key);
  },
});
