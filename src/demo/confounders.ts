/**
 * Confounders: honest situations that share surface features with exploitation, so that a
 * detector which merely counts flags is caught out (see the brief: detection must not be
 * circular). Each is recorded in the ground truth with why it is innocent.
 */
import type { AccountInfo, Cell, PersonInfo } from './cell.ts';
import { P, S, type Nationality } from './constants.ts';
import { iso } from './dates.ts';
import { plantHonestEmployer, plantStaffingAgency } from './employers.ts';
import { firmName } from './firms.ts';
import { nameOf } from './labour.ts';
import { plantFirmLookalikes } from './lookalikesFirms.ts';
import { plantMoneyLookalikes } from './lookalikesMoney.ts';
import { plantAdvertisers } from './lookalikesPeople.ts';
import { CITIES, MERCHANTS, UTILITIES } from './places.ts';
import { plantPostingFirm } from './postingFirm.ts';
import { LOOKALIKES_PER_CELL } from './rates.ts';
import type { Rng } from './prng.ts';

export interface ConfounderResult {
  /** The confounders' persons: duplicates are planted among them too, not only among offenders and victims. */
  persons: PersonInfo[];
}

function salaryAndSpending(
  cell: Cell,
  rng: Rng,
  acc: AccountInfo,
  employer: string,
  city: string,
  m: number,
  gross: number,
): void {
  cell.external(acc, Math.round(gross * 0.74) + rng.int(-3000, 3000), cell.day(m, rng.pick([15, 25, 28])), {
    kind: 'salary',
    counterpartyName: employer,
    text: 'Palkka',
  });
  cell.external(acc, -rng.int(900, 9000), cell.day(m, rng.int(1, 28)), {
    kind: 'card',
    counterpartyName: rng.pick(MERCHANTS.fi),
    place: city,
  });
}

/** Three unrelated workers who share a rented flat; two pay their share to the lead tenant. */
function plantFlatmates(cell: Cell): PersonInfo[] {
  const rng = cell.rng('flatmates');
  const city = rng.pick(CITIES.fi.slice(0, 6));
  const flat = cell.address(rng, city, 'sharedFlat', { flat: true });
  const nats: Nationality[] = [
    rng.pick(['pl', 'lv', 'ee'] as const),
    rng.pick(['ro', 'ua', 'fi'] as const),
    rng.pick(['pl', 'lv', 'fi'] as const),
  ];
  const mates = nats.map((nat) => {
    const info = cell.person(rng, {
      nat,
      gender: rng.chance(0.6) ? 'male' : 'female',
      age: [21, 35],
      residence: 'fi',
      status: 'none',
      networkId: null,
      role: 'flatmate',
      address: flat,
      email: rng.chance(0.6),
    });
    const account = cell.account(rng, {
      holderId: info.id,
      holderName: nameOf(info),
      country: 'fi',
      nature: 'clean',
      openingDay: cell.start - rng.int(100, 2000),
    });
    return {
      info,
      account,
      employer: firmName(rng, 'fi', rng.pick(['logistics', 'maintenance', 'construction'] as const)).full,
      gross: rng.int(2600, 3600) * 100,
    };
  });
  const [lead, ...others] = mates;
  if (!lead) return [];
  const rent = rng.pick([1290, 1350, 1420]) * 100;
  for (const m of mates) {
    m.info.anchorId = flat.id;
    cell.link(S.Accommodation, {
      [P.resident]: [m.info.id],
      [P.housingAddress]: [flat.id],
      [P.housedBy]: [m === lead ? null : lead.info.id],
      [P.startDate]: [iso(cell.start - 200)],
      [P.rent]: [String(Math.round(rent / 3 / 100))],
      [P.currency]: ['EUR'],
    });
  }
  for (let mo = 0; mo < 12; mo++) {
    cell.external(lead.account, -rent, cell.day(mo, 2), {
      kind: 'transfer',
      counterpartyName: 'Kiinteistö Oy Vuokrakoti',
      text: 'vuokra',
    });
    for (const o of others)
      cell.transfer(o.account, lead.account, Math.round(rent / 3), cell.day(mo, 1 + rng.int(0, 3)), 'vuokra osuus');
    for (const m of mates) salaryAndSpending(cell, rng, m.account, m.employer, city.name, mo, m.gross);
  }
  cell.truth.confounders.push({
    kind: 'legitimateFlatmates',
    entityIds: [...mates.map((m) => m.info.id), flat.id],
    why: 'Unrelated workers sharing a rented flat and splitting market rent: several accounts paying one person each month, but by their own choice and at a third of the real rent each',
  });
  return mates.map((m) => m.info);
}

/** A family whose members list one shared phone number and live at one address. */
function plantFamily(cell: Cell, k: number): { members: PersonInfo[]; sharedPhone: string; child: PersonInfo } {
  const rng = cell.rng(k === 0 ? 'family' : `family-${k}`);
  const nat = rng.pick(['fi', 'ee'] as const);
  const city = rng.pick(CITIES[nat]);
  const home = cell.address(rng, city, 'privateHome');
  const phone = cell.newPhone(rng, nat);
  const father = cell.person(rng, {
    nat,
    gender: 'male',
    age: [45, 60],
    status: 'none',
    networkId: null,
    role: 'parent in a family sharing a phone',
    address: home,
    phone,
  });
  const surname = father.name.last;
  const mother = cell.person(rng, {
    nat,
    gender: 'female',
    age: [43, 58],
    status: 'none',
    networkId: null,
    role: 'parent in a family sharing a phone',
    address: home,
    phone,
    surname,
  });
  const child = cell.person(rng, {
    nat,
    gender: rng.chance(0.5) ? 'female' : 'male',
    age: [18, 22],
    status: 'none',
    networkId: null,
    role: 'adult child in a family sharing a phone',
    address: home,
    phone,
    surname,
  });
  const child2 = cell.person(rng, {
    nat,
    gender: rng.chance(0.5) ? 'female' : 'male',
    age: [18, 24],
    status: 'none',
    networkId: null,
    role: 'adult child with an own phone',
    address: home,
    surname,
  });
  cell.link(S.Family, { [P.person]: [father.id], [P.relative]: [mother.id], [P.relationship]: ['spouse'] });
  for (const c of [child, child2]) {
    cell.link(S.Family, { [P.person]: [father.id], [P.relative]: [c.id], [P.relationship]: ['child'] });
    cell.link(S.Family, { [P.person]: [mother.id], [P.relative]: [c.id], [P.relationship]: ['child'] });
  }
  const members = [father, mother, child, child2];
  const bankCountry = nat;
  const accounts = members.map((p) =>
    cell.account(rng, {
      holderId: p.id,
      holderName: nameOf(p),
      country: bankCountry,
      nature: 'clean',
      openingDay: cell.start - rng.int(400, 8000),
      bankIndex: 0,
    }),
  );
  const [fa, ma, ca, c2a] = accounts;
  for (const p of members) p.anchorId = home.id;
  for (let m = 0; m < 12; m++) {
    if (fa)
      salaryAndSpending(cell, rng, fa, firmName(rng, nat, 'logistics').full, city.name, m, rng.int(3800, 4200) * 100);
    if (ma) salaryAndSpending(cell, rng, ma, 'Kunta / Vald', city.name, m, rng.int(2900, 3300) * 100);
    if (fa)
      cell.external(fa, -rng.int(90, 160) * 100, cell.day(m, 10), {
        kind: 'direct-debit',
        counterpartyName: rng.pick(UTILITIES[nat]),
      });
    for (const c of [ca, c2a])
      if (fa && c) cell.transfer(fa, c, rng.pick([100, 150, 200]) * 100, cell.day(m, 1), 'taskuraha / taskuraha');
  }
  cell.truth.confounders.push({
    kind: 'familySharedPhone',
    entityIds: [father.id, mother.id, child.id, cell.phoneEntity(phone, nat)],
    why: 'Parents and an adult child give the family phone number as their own; they share an address and a surname',
  });
  return { members, sharedPhone: phone, child };
}

export function plantConfounders(cell: Cell, mainContractorId: string): ConfounderResult {
  const persons: PersonInfo[] = [];
  persons.push(...plantFlatmates(cell));
  const agency = plantStaffingAgency(cell);
  persons.push(...agency.workers);
  const honest = plantHonestEmployer(cell);
  persons.push(honest.overtimeWorker);
  cell.truth.confounders.push({
    kind: 'nonVictimWithIndicators',
    entityIds: [honest.overtimeWorker.id, agency.lateWorker.id],
    why: 'Workers showing one or two ILO indicators (paid overtime; one late wage and a shared flat) who are not victims: the indicators fall short of any Delphi decision rule',
  });
  const families = Array.from({ length: LOOKALIKES_PER_CELL }, (_, k) => plantFamily(cell, k));
  for (const f of families) persons.push(...f.members);
  persons.push(...plantPostingFirm(cell, mainContractorId));
  persons.push(...plantMoneyLookalikes(cell));
  persons.push(...plantFirmLookalikes(cell));
  // One family's adult child advertises her own massage service with the family's phone.
  const first = families[0];
  persons.push(...plantAdvertisers(cell, first ? [{ info: first.child, phone: first.sharedPhone }] : []));
  return { persons };
}
