/**
 * Honest employers that look like the exploiters on paper (confounders): a legitimate staffing
 * agency with foreign workers whose accounts were opened together, and an employer paying
 * round, identical salaries. Two of their employees carry one or two ILO indicators without being
 * victims: long overtime that is paid, and one wage paid weeks late while sharing a small flat.
 */
import type { AccountInfo, Cell, PersonInfo } from './cell.ts';
import { P, S, type Nationality } from './constants.ts';
import { iso } from './dates.ts';
import { firmName } from './firms.ts';
import { iloFact } from './indicators.ts';
import { nameOf } from './labour.ts';
import { CITIES, MERCHANTS } from './places.ts';
import type { Rng } from './prng.ts';

const TAX_OFFICE = 'Verohallinto';
const PENSION = 'Työeläkevakuutus';

interface Staff {
  info: PersonInfo;
  account: AccountInfo;
  employmentId: string;
}

function everyday(cell: Cell, rng: Rng, acc: AccountInfo, m: number, city: string): void {
  cell.external(acc, -rng.int(700, 8000), cell.day(m, rng.int(1, 28)), {
    kind: 'card',
    counterpartyName: rng.pick(MERCHANTS.fi),
    place: city,
  });
  cell.external(acc, -rng.int(500, 4500), cell.day(m, rng.int(1, 28)), {
    kind: 'card',
    counterpartyName: rng.pick(MERCHANTS.fi),
    place: city,
  });
}

function employer(cell: Cell, rng: Rng, sector: 'staffing' | 'maintenance', role: string) {
  const city = rng.pick(CITIES.fi.slice(0, 6));
  const name = firmName(rng, 'fi', sector);
  const director = cell.person(rng, {
    nat: 'fi',
    gender: rng.chance(0.5) ? 'female' : 'male',
    age: [35, 64],
    status: 'none',
    networkId: null,
    role: `managing director of a ${role}`,
    address: cell.address(rng, city, 'privateHome'),
    email: true,
  });
  const id = cell.company(rng, {
    name: name.full,
    country: 'fi',
    incorporationDay: cell.start - rng.int(5, 30) * 365,
    nature: 'legitimate',
    networkId: null,
    role,
    address: cell.address(rng, city, 'businessPremises'),
    phone: cell.newPhone(rng, 'fi'),
  });
  cell.link(S.Directorship, {
    [P.director]: [director.id],
    [P.organization]: [id],
    [P.startDate]: [iso(cell.start - 1500)],
  });
  const account = cell.account(rng, {
    holderId: id,
    holderName: name.full,
    country: 'fi',
    nature: 'clean',
    openingDay: cell.start - 2000,
  });
  return { id, name: name.full, city, director, account };
}

export function plantStaffingAgency(cell: Cell): { agencyId: string; workers: PersonInfo[]; lateWorker: PersonInfo } {
  const rng = cell.rng('staffing');
  const ag = employer(cell, rng, 'staffing', 'licensed staffing agency');
  const recruiter = cell.person(rng, {
    nat: 'fi',
    gender: 'female',
    age: [25, 50],
    status: 'none',
    networkId: null,
    role: 'recruitment officer of the staffing agency',
    address: cell.address(rng, rng.pick(CITIES.fi), 'privateHome'),
  });
  cell.link(S.Employment, {
    [P.employee]: [recruiter.id],
    [P.employer]: [ag.id],
    [P.startDate]: [iso(cell.start - 900)],
    [P.role]: ['recruitment officer'],
  });
  const nats: Nationality[] = ['ua', 'ro', 'pl', 'ee', 'lv'];
  const shared = cell.address(rng, rng.pick(CITIES.fi.slice(0, 6)), 'sharedFlat', { flat: true });
  const openDay = cell.start - rng.int(30, 200);
  const staff: Staff[] = nats.map((nat, i) => {
    const info = cell.person(rng, {
      nat,
      gender: i % 2 === 0 ? 'male' : 'female',
      age: [21, 50],
      residence: 'fi',
      status: 'none',
      networkId: null,
      role: 'agency worker',
      passport: nat !== 'ee',
      address: i < 2 ? shared : cell.address(rng, rng.pick(CITIES.fi.slice(0, 6)), 'privateHome', { flat: true }),
    });
    info.anchorId = ag.id;
    // Opened at one branch within days, with the agency's help: the same flag as the victims' accounts.
    const account = cell.account(rng, {
      holderId: info.id,
      holderName: nameOf(info),
      country: 'fi',
      nature: 'clean',
      openingDay: openDay + rng.int(0, 3),
      bankIndex: 0,
    });
    cell.link(S.Recruitment, {
      [P.recruiter]: [recruiter.id],
      [P.recruited]: [info.id],
      [P.date]: [iso(openDay - 20)],
      [P.place]: [rng.pick(CITIES[nat]).name],
      [P.promisedJob]: ['warehouse worker'],
      [P.promisedWage]: ['13.50 EUR/h'],
      [P.fee]: ['0'],
      [P.currency]: ['EUR'],
    });
    const employmentId = cell.link(S.Employment, {
      [P.employee]: [info.id],
      [P.employer]: [ag.id],
      [P.startDate]: [iso(openDay)],
      [P.role]: ['warehouse worker'],
    });
    return { info, account, employmentId };
  });
  const late = staff[0];
  const lateMonth = rng.int(3, 8);
  let lateRef: string | undefined;
  for (let m = 0; m < 12; m++) {
    cell.external(ag.account, rng.int(40_000, 90_000) * 100, cell.day(m, 8), {
      kind: 'transfer',
      counterpartyName: 'Varasto Logistiikka Oy',
      text: 'Lasku',
    });
    cell.external(ag.account, -rng.int(8_000, 12_000) * 100, cell.day(m, 12), {
      kind: 'transfer',
      counterpartyName: TAX_OFFICE,
      text: 'Ennakonpidätys',
    });
    cell.external(ag.account, -rng.int(4_000, 7_000) * 100, cell.day(m, 20), {
      kind: 'transfer',
      counterpartyName: PENSION,
      text: 'TyEL',
    });
    for (const w of staff) {
      // Hourly pay after tax: irregular, honest amounts. One wage is paid a month late, in full.
      const net = Math.round(rng.int(140, 176) * 1350 * 0.76);
      const payDay = cell.day(m, 15);
      if (w === late && m === lateMonth + 1) {
        lateRef = cell.transfer(ag.account, w.account, net, payDay, `Palkka ${m}/${m + 1} (myöhässä)`).in;
      }
      if (w !== late || m !== lateMonth) cell.transfer(ag.account, w.account, net, payDay, `Palkka ${m + 1}`);
      everyday(cell, rng, w.account, m, ag.city.name);
      cell.external(w.account, -rng.int(550, 800) * 100, cell.day(m, 2), {
        kind: 'transfer',
        counterpartyName: 'Vuokra-asunnot Oy',
        text: 'vuokra',
      });
    }
  }
  const lateWorker = late?.info ?? staff[0]?.info;
  if (!late || !lateWorker) throw new Error('staffing agency without workers');
  iloFact(cell, lateWorker.id, 'withholdingOfWages', {
    event: 'One monthly wage paid five weeks late after an invoicing dispute, then paid in full',
    entityIds: [late.employmentId],
    refs: [lateRef],
  });
  iloFact(cell, lateWorker.id, 'abusiveConditions', {
    event: 'Shares a small two-room flat with a co-worker (chosen and rented by themselves)',
    entityIds: [shared.id],
  });
  cell.truth.confounders.push({
    kind: 'legitimateStaffingAgency',
    entityIds: [ag.id, ...staff.map((w) => w.info.id)],
    why: 'A licensed agency employing foreign workers whose accounts were opened together at one branch; it charges no fees, pays by the hour, and pays tax and pension contributions',
  });
  return { agencyId: ag.id, workers: staff.map((w) => w.info), lateWorker };
}

export function plantHonestEmployer(cell: Cell): { employerId: string; overtimeWorker: PersonInfo } {
  const rng = cell.rng('honest-employer');
  const em = employer(cell, rng, 'maintenance', 'property maintenance company');
  const salary = rng.pick([2400, 2500, 2600]) * 100;
  const nats: Nationality[] = ['fi', 'ee', 'lv', 'fi'];
  const staff: Staff[] = nats.map((nat, i) => {
    const info = cell.person(rng, {
      nat,
      gender: i === 1 ? 'female' : 'male',
      age: [22, 60],
      residence: 'fi',
      status: 'none',
      networkId: null,
      role: 'maintenance employee',
      address: cell.address(rng, rng.pick(CITIES.fi.slice(0, 6)), 'privateHome', { flat: rng.chance(0.5) }),
      email: rng.chance(0.5),
    });
    info.anchorId = em.id;
    const account = cell.account(rng, {
      holderId: info.id,
      holderName: nameOf(info),
      country: 'fi',
      nature: 'clean',
      openingDay: cell.start - rng.int(300, 4000),
    });
    const employmentId = cell.link(S.Employment, {
      [P.employee]: [info.id],
      [P.employer]: [em.id],
      [P.startDate]: [iso(cell.start - rng.int(200, 3000))],
      [P.role]: ['property maintenance'],
    });
    return { info, account, employmentId };
  });
  const overtime = staff[0];
  if (!overtime) throw new Error('employer without staff');
  let overtimeRef: string | undefined;
  for (let m = 0; m < 12; m++) {
    cell.external(em.account, rng.int(30_000, 60_000) * 100, cell.day(m, 6), {
      kind: 'transfer',
      counterpartyName: 'Asunto Oy Puistokulma',
      text: 'Huoltosopimus',
    });
    cell.external(em.account, -rng.int(4_000, 6_000) * 100, cell.day(m, 12), {
      kind: 'transfer',
      counterpartyName: TAX_OFFICE,
      text: 'Ennakonpidätys',
    });
    cell.external(em.account, -rng.int(2_000, 3_000) * 100, cell.day(m, 20), {
      kind: 'transfer',
      counterpartyName: PENSION,
      text: 'TyEL',
    });
    for (const w of staff) {
      cell.transfer(em.account, w.account, salary, cell.day(m, 15), 'Palkka');
      everyday(cell, rng, w.account, m, em.city.name);
    }
    if (m === 0 || m === 1) {
      const ref = cell.transfer(
        em.account,
        overtime.account,
        rng.int(600, 900) * 100,
        cell.day(m, 28),
        'Ylityökorvaus (lumityöt)',
      ).in;
      overtimeRef ??= ref;
    }
  }
  iloFact(cell, overtime.info.id, 'excessiveOvertime', {
    event: 'Worked 55–60 hour weeks during the snow season; the overtime was agreed and paid',
    entityIds: [overtime.employmentId],
    refs: [overtimeRef],
  });
  cell.truth.confounders.push({
    kind: 'honestRoundSalaries',
    entityIds: [em.id, ...staff.map((w) => w.info.id)],
    why: 'A monthly-salaried employer paying identical round salaries under a collective agreement, with payroll tax and pension contributions',
  });
  return { employerId: em.id, overtimeWorker: overtime.info };
}
