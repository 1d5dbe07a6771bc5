/**
 * What the investigation can learn about each victim of the sexual-exploitation network
 * (./sexual.ts): the ILO forced-labour indicators and the Delphi trafficking indicators her
 * situation shows, each tied to the entities that bear it out, drawn from the victim's own
 * random stream.
 */
import type { Cell } from './cell.ts';
import type { IloIndicator } from './groundTruth.ts';
import { delphiFact, eur, iloFact } from './indicators.ts';
import { nameOf } from './labour.ts';
import type { PersonInfo } from './people.ts';

export interface Victim {
  info: PersonInfo;
  alias: string;
  firstWeek: number;
  recruitmentId: string;
  adIds: string[];
  phoneId: string;
  deposits: string[];
}

export function writeVictimFacts(
  cell: Cell,
  v: Victim,
  ctx: {
    controller: PersonInfo;
    driver: PersonInfo;
    recruiter: PersonInfo;
    funnel: string;
    hotelRefs: string[];
    cities: string[];
  },
): void {
  const rng = cell.rng(`facts-${v.info.id}`);
  const id = v.info.id;
  const moved = {
    event: `Moved weekly between hotels in ${ctx.cities.slice(0, 4).join(', ')}; rooms paid by the front company, driven by ${nameOf(ctx.driver)}`,
    entityIds: [ctx.driver.id],
    refs: ctx.hotelRefs.slice(0, 3),
  };
  const money = {
    event: `All cash from clients taken and deposited into accounts she does not control, then swept to ${nameOf(ctx.controller)}`,
    entityIds: [ctx.controller.id, ctx.funnel],
    refs: v.deposits.slice(0, 3),
  };
  const phone = {
    event:
      'Her ads list a phone held by the driver; she is not allowed to answer clients herself or contact family freely',
    entityIds: [v.phoneId, ...v.adIds.slice(0, 2)],
  };
  iloFact(cell, id, 'restrictionOfMovement', moved);
  iloFact(cell, id, 'withholdingOfWages', money);
  iloFact(cell, id, 'isolation', phone);
  const extras: [IloIndicator, string, string[]][] = [
    [
      'deception',
      `Recruited by ${nameOf(ctx.recruiter)} with the offer of an ordinary job in Finland`,
      [v.recruitmentId],
    ],
    [
      'debtBondage',
      'Told she owed the travel, the ads and the rooms and had to work the debt off',
      [ctx.controller.id],
    ],
    ['intimidationThreats', 'Threatened that her family at home would be told what she does', [ctx.controller.id]],
    ['physicalSexualViolence', 'Beaten by the driver after refusing a client', [ctx.driver.id]],
    ['retentionOfDocuments', 'Passport kept by the controller "for safety"', [ctx.controller.id]],
    [
      'abuseOfVulnerability',
      `Emotionally dependent on ${nameOf(ctx.recruiter)}, who presented himself as her boyfriend`,
      [ctx.recruiter.id],
    ],
  ];
  const chosen = rng.sample(extras, rng.int(1, 3));
  for (const [indicator, event, entityIds] of chosen) iloFact(cell, id, indicator, { event, entityIds });

  if (chosen.some(([k]) => k === 'deception')) {
    delphiFact(cell, id, 'deceptiveRecruitment', 'strong', {
      event: 'Deceived about the nature of the job',
      entityIds: [v.recruitmentId],
    });
    delphiFact(cell, id, 'deceptiveRecruitment', 'medium', {
      event: 'Deceived about conditions and wages',
      entityIds: [v.recruitmentId],
    });
  } else {
    delphiFact(cell, id, 'recruitmentByAbuseOfVulnerability', 'medium', {
      event: 'Recruited when out of work and in debt at home',
      entityIds: [v.recruitmentId],
    });
    delphiFact(cell, id, 'recruitmentByAbuseOfVulnerability', 'medium', {
      event: 'Emotional dependency on the recruiter',
      entityIds: [ctx.recruiter.id],
    });
    delphiFact(cell, id, 'recruitmentByAbuseOfVulnerability', 'medium', {
      event: 'No knowledge of the language or of Finland',
      entityIds: [v.recruitmentId],
    });
  }
  delphiFact(cell, id, 'exploitativeConditions', 'strong', {
    event: 'Clients every day, six or seven days a week',
    entityIds: v.adIds.slice(0, 1),
  });
  delphiFact(cell, id, 'exploitativeConditions', 'medium', {
    ...money,
    event: `No pay: earnings (${eur(10000)}–${eur(19000)} a week deposited) kept by others`,
  });
  delphiFact(cell, id, 'coercionAtDestination', 'strong', {
    ...phone,
    event: 'Isolation and surveillance by the driver',
  });
  delphiFact(cell, id, 'coercionAtDestination', 'medium', money);
}
