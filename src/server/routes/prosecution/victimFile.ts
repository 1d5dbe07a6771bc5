/**
 * The victim's proceedings file: only for users with the victim-contact permission on the case
 * (`case:victims`; others are refused), every view and change audited. Changes also need write
 * access to the case (a prosecutor with victim contact reads, does not alter).
 */
import { z } from 'zod';
import { VictimFileBody, VictimFileOut, VictimSummaryOut } from '../../../shared/contracts/prosecution.ts';
import { errors } from '../../../shared/errors.ts';
import type { CaseAccess } from '../../../services/access/policy.ts';
import {
  acknowledgeReminder,
  computeClaim,
  getVictimFile,
  listVictims,
  saveVictimFile,
} from '../../../services/prosecution/victimFile.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

const PersonParams = CaseParams.extend({ personId: z.string().min(1).max(200) });
const victims = { case: 'case:victims' } as const;
const mustWrite = (a: CaseAccess) => {
  if (!a.canWrite)
    throw errors.forbidden(`Your access to this case (${a.role}) does not allow changing a victim's file`);
};

export function victimFileRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/victims',
    tag: 'victims',
    summary: "The case's victims with whether they have a proceedings file and reminders due",
    params: CaseParams,
    response: z.object({ victims: z.array(VictimSummaryOut) }),
    access: victims,
    audit: { action: 'consultation', target: 'victims' },
    handler: async ({ store, caseId, auditIds }) => {
      const out = await listVictims(store, caseId);
      auditIds(out.map((v) => v.personId));
      return { victims: out };
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/victims/:personId/file',
    tag: 'victims',
    summary:
      "A victim's proceedings file: referral, reflection period and reminders, permit, interpreter, counsel, protection, non-punishment, compensation",
    params: PersonParams,
    response: VictimFileOut,
    access: victims,
    audit: { action: 'consultation', target: 'victim-file', targetParam: 'personId' },
    handler: async ({ store, caseId, params }) => getVictimFile(store, caseId, params.personId),
  });

  r({
    method: 'PUT',
    url: '/api/cases/:caseId/victims/:personId/file',
    tag: 'victims',
    summary: "Save a victim's proceedings file (send the version read; 0 to create)",
    params: PersonParams,
    body: VictimFileBody,
    response: VictimFileOut,
    access: victims,
    audit: { action: 'alteration', target: 'victim-file', targetParam: 'personId' },
    handler: async ({ store, actor, access, caseId, params, body }) => {
      mustWrite(access);
      return saveVictimFile(store, actor, caseId, params.personId, body);
    },
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/victims/:personId/file/claim',
    tag: 'victims',
    summary: "Compute the victim's compensation claim from the case's proceeds estimate (wages owed, deductions taken)",
    params: PersonParams,
    response: VictimFileOut,
    access: victims,
    audit: { action: 'combination', target: 'victim-file', targetParam: 'personId' },
    handler: async ({ store, actor, access, caseId, params }) => {
      mustWrite(access);
      return computeClaim(store, actor, caseId, params.personId);
    },
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/victims/:personId/file/reminders',
    tag: 'victims',
    summary: 'Acknowledge a reflection-period reminder that is due',
    params: PersonParams,
    body: z.object({ key: z.string().min(1).max(60) }),
    response: VictimFileOut,
    access: victims,
    audit: { action: 'alteration', target: 'victim-file', targetParam: 'personId' },
    handler: async ({ store, actor, access, caseId, params, body }) => {
      mustWrite(access);
      return acknowledgeReminder(store, actor, caseId, params.personId, body.key);
    },
  });
}
