/**
 * The victim's proceedings file: only for users with the victim-contact permission on the case
 * (`case:victims`; others are refused), every view and change audited. Changes also need write
 * access to the case (a prosecutor with victim contact reads, does not alter).
 */
import { z } from 'zod';
import { VictimFileBody, VictimFileOut, VictimSummaryOut } from '../../../shared/contracts/prosecution.ts';
import {
  acknowledgeVictimReminder,
  caseVictims,
  saveVictimFileOf,
  victimClaim,
  victimFile,
} from '../../../services/prosecution/index.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

const PersonParams = CaseParams.extend({ personId: z.string().min(1).max(200) });
const victims = { case: 'case:victims' } as const;

export function victimFileRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/victims',
    tag: 'victims',
    summary: "The case's victims with whether they have a proceedings file and reminders due",
    params: CaseParams,
    response: z.object({ victims: z.array(VictimSummaryOut) }),
    access: victims,
    handler: ({ store, caller, caseId }) => caseVictims(store, caller, caseId),
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
    handler: ({ store, caller, caseId, params }) => victimFile(store, caller, caseId, { personId: params.personId }),
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
    handler: ({ store, caller, caseId, params, body }) =>
      saveVictimFileOf(store, caller, caseId, { personId: params.personId, file: body }),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/victims/:personId/file/claim',
    tag: 'victims',
    summary: "Compute the victim's compensation claim from the case's proceeds estimate (wages owed, deductions taken)",
    params: PersonParams,
    response: VictimFileOut,
    access: victims,
    handler: ({ store, caller, caseId, params }) => victimClaim(store, caller, caseId, { personId: params.personId }),
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
    handler: ({ store, caller, caseId, params, body }) =>
      acknowledgeVictimReminder(store, caller, caseId, { personId: params.personId, key: body.key }),
  });
}
