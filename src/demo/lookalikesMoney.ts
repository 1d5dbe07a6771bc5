/**
 * Honest money that moves like trafficking money (confounders). Market traders and cafés deposit
 * cash in several towns and move it on within days, as a funnel account does; cleaners take
 * their wage out in cash the day it arrives, as workers handing back a kick-back do; foreign
 * workers send a third of each wage home through a transfer service; landlords collect rent from
 * many tenants, as the foreman collects "rent" for beds. Each situation is planted
 * `LOOKALIKES_PER_CELL` times per cell and recorded in the ground truth with why it is innocent.
 */
import type { AccountInfo, Cell, PersonInfo } from './cell.ts';
import { P, S, type Nationality } from './constants.ts';
import { iso } from './dates.ts';
import { firmName } from './firms.ts';
import { nameOf } from './labour.ts';
import { CITIES, MERCHANTS, MONEY_TRANSFER_SERVICE, type City } from './places.ts';
import type { Rng } from './prng.ts';
import { LOOKALIKES_PER_CELL, RATES } from './rates.ts';

const TAX_OFFICE = 'Verohallinto';
const FI_TOWNS: readonly City[] = CITIES.fi;

export interface Earner {
  info: PersonInfo;
  account: AccountInfo;
}

/** A person with an account in Finland (the residents' bank) and ordinary card spending. */
export function earner(
  cell: Cell,
  rng: Rng,
  spec: {
    nat: Nationality;
    role: string;
    address: { id: string; full: string; city: string };
    age?: readonly [number, number];
  },
): Earner {
  const info = cell.person(rng, {
    nat: spec.nat,
    gender: rng.chance(0.5) ? 'female' : 'male',
    age: spec.age ?? [20, 58],
    residence: 'fi',
    status: 'none',
    networkId: null,
    role: spec.role,
    address: spec.address,
    passport: spec.nat !== 'fi' && rng.chance(0.7),
    email: rng.chance(0.4),
    birthDate: !rng.chance(RATES.missingBirthDate),
  });
  const account = cell.account(rng, {
    holderId: info.id,
    holderName: nameOf(info),
    country: 'fi',
    nature: 'clean',
    openingDay: cell.start - rng.int(100, 4000),
  });
  return { info, account };
}

/** A monthly wage from an employer outside the scenario, and two card payments in town. */
export function wageAndSpending(
  cell: Cell,
  rng: Rng,
  e: Earner,
  employer: string,
  net: number,
  m: number,
  city: string,
) {
  const day = cell.day(m, rng.pick([15, 25, 28]));
  const amount = net + rng.int(-3000, 3000);
  cell.external(e.account, amount, day, { kind: 'salary', counterpartyName: employer, text: 'PALKKA' });
  for (let k = 0; k < 2; k++)
    cell.external(e.account, -rng.int(500, 7000), cell.day(m, rng.int(1, 28)), {
      kind: 'card',
      counterpartyName: rng.pick(MERCHANTS.fi),
      place: city,
    });
  return { day, amount };
}

/** Market traders (a weekly round of market squares) and cafés (a few branches in nearby towns). */
function plantCashBusinesses(cell: Cell): PersonInfo[] {
  const rng = cell.rng('lookalike-cash-business');
  const persons: PersonInfo[] = [];
  for (let i = 0; i < LOOKALIKES_PER_CELL; i++) {
    const trader = i % 2 === 0;
    const towns = rng.sample(FI_TOWNS, trader ? rng.int(3, 4) : 3);
    const home = towns[0] ?? rng.pick(FI_TOWNS);
    const owner = cell.person(rng, {
      nat: rng.pick(['fi', 'fi', 'ee', 'ua'] as const),
      gender: rng.chance(0.5) ? 'female' : 'male',
      age: [30, 66],
      residence: 'fi',
      status: 'none',
      networkId: null,
      role: trader ? 'market trader' : 'café owner',
      address: cell.address(rng, home, 'privateHome'),
    });
    const core = `${rng.pick(['Tori', 'Kauppa', 'Marjat', 'Kala'])}${trader ? 'kauppa' : 'kahvila'} ${owner.name.last}`;
    const name = `${core} Oy`;
    const company = cell.company(rng, {
      name,
      country: 'fi',
      incorporationDay: cell.start - rng.int(3, 25) * 365,
      nature: 'legitimate',
      networkId: null,
      role: trader ? 'market stall business' : 'café with branches',
      address: cell.address(rng, home, 'businessPremises'),
      phone: owner.phone,
    });
    cell.link(S.Directorship, { [P.director]: [owner.id], [P.organization]: [company] });
    owner.anchorId = company;
    const acc = cell.account(rng, {
      holderId: company,
      holderName: name,
      country: 'fi',
      nature: 'clean',
      openingDay: cell.start - rng.int(400, 3000),
    });
    const ownerAcc = cell.account(rng, {
      holderId: owner.id,
      holderName: nameOf(owner),
      country: 'fi',
      nature: 'clean',
      openingDay: cell.start - rng.int(400, 6000),
    });
    for (let w = 0; w < 52; w++) {
      // Traders trade May to September; cafés all year.
      if (trader && (w < 17 || w > 38)) continue;
      const weekDay = cell.start + w * 7;
      let takings = 0;
      for (const [k, town] of towns.entries()) {
        const amount = rng.int(trader ? 25 : 40, trader ? 160 : 240) * 1000;
        takings += amount;
        cell.external(acc, amount, weekDay + k * 2, { kind: 'cash-deposit', text: 'Cash deposit', place: town.name });
      }
      // Most of the week's takings pay the wholesaler within days.
      cell.external(acc, -Math.round((takings * rng.int(55, 80)) / 100), weekDay + 6, {
        kind: 'transfer',
        counterpartyName: trader ? 'Tukku Oy Keskusmarkkinat' : 'Kahvitukku Oy',
        text: `Lasku ${rng.digits(6)}`,
      });
    }
    for (let m = 0; m < 12; m++) {
      cell.transfer(acc, ownerAcc, rng.int(18, 30) * 10000, cell.day(m, 26), 'Palkka');
      cell.external(acc, -rng.int(4, 20) * 10000, cell.day(m, 12), {
        kind: 'transfer',
        counterpartyName: TAX_OFFICE,
        text: 'Oma-aloitteiset verot',
      });
      cell.external(ownerAcc, -rng.int(500, 9000), cell.day(m, rng.int(1, 28)), {
        kind: 'card',
        counterpartyName: rng.pick(MERCHANTS.fi),
        place: home.name,
      });
    }
    cell.truth.confounders.push({
      kind: 'cashBusiness',
      entityIds: [company, owner.id],
      why: `A ${trader ? 'market trader selling at squares in' : 'café with branches in'} ${towns.map((t) => t.name).join(', ')}: cash deposited in several towns each week and most of it paid on to the wholesaler within days, because that is the business`,
    });
    persons.push(owner);
  }
  return persons;
}

/** A cleaning firm whose staff take their wage out in cash the day it arrives. */
function plantCashWageWorkers(cell: Cell): PersonInfo[] {
  const rng = cell.rng('lookalike-cash-wage');
  const city = rng.pick(FI_TOWNS.slice(0, 4));
  const firm = firmName(rng, 'fi', 'maintenance');
  const firmPremises = cell.address(rng, city, 'businessPremises');
  const company = cell.company(rng, {
    name: firm.full,
    country: 'fi',
    incorporationDay: cell.start - rng.int(4, 20) * 365,
    nature: 'legitimate',
    networkId: null,
    role: 'cleaning company',
    address: firmPremises,
    phone: cell.newPhone(rng, 'fi'),
  });
  const firmAcc = cell.account(rng, {
    holderId: company,
    holderName: firm.full,
    country: 'fi',
    nature: 'clean',
    openingDay: cell.start - 3000,
  });
  const flat = cell.address(rng, city, 'sharedFlat', { flat: true });
  const staff: Earner[] = [];
  for (let i = 0; i < LOOKALIKES_PER_CELL; i++) {
    const address = i < 2 ? flat : cell.address(rng, city, 'privateHome', { flat: true });
    const e = earner(cell, rng, { nat: rng.pick(['fi', 'ee', 'ua', 'ro', 'pl'] as const), role: 'cleaner', address });
    e.info.anchorId = company;
    cell.link(S.Employment, {
      [P.employee]: [e.info.id],
      [P.employer]: [company],
      [P.startDate]: [iso(cell.start - rng.int(100, 2000))],
      [P.role]: ['cleaner'],
    });
    staff.push(e);
  }
  for (let m = 0; m < 12; m++) {
    cell.external(firmAcc, rng.int(25_000, 45_000) * 100, cell.day(m, 5), {
      kind: 'transfer',
      counterpartyName: 'Kauppakeskus Oy',
      text: 'Siivous',
    });
    cell.external(firmAcc, -rng.int(3_000, 6_000) * 100, cell.day(m, 12), {
      kind: 'transfer',
      counterpartyName: TAX_OFFICE,
      text: 'Ennakonpidätys',
    });
    for (const e of staff) {
      // Part-time and hourly: some months below the full-time norm.
      const net = rng.int(1500, 2300) * 100 + rng.int(0, 99);
      const payDay = cell.day(m, 15);
      cell.transfer(firmAcc, e.account, net, payDay, 'Palkka');
      cell.external(e.account, -Math.round((net * rng.int(70, 95)) / 100 / 2000) * 2000, payDay + rng.int(0, 1), {
        kind: 'cash-withdrawal',
        text: 'ATM',
        place: city.name,
      });
      cell.external(e.account, -rng.int(300, 3000), cell.day(m, rng.int(1, 28)), {
        kind: 'card',
        counterpartyName: rng.pick(MERCHANTS.fi),
        place: city.name,
      });
    }
  }
  for (const e of staff)
    cell.truth.confounders.push({
      kind: 'cashWageWorker',
      entityIds: [e.info.id, company],
      why: 'Takes most of the wage out in cash the day it arrives, like several colleagues paid by the same firm: pays rent and bills in cash and keeps the rest at home; nobody takes the money from them',
    });
  return staff.map((e) => e.info);
}

/** Foreign workers with ordinary jobs who send a third or more of each wage home. */
function plantRemittanceSenders(cell: Cell): PersonInfo[] {
  const rng = cell.rng('lookalike-remittance');
  const city = rng.pick(FI_TOWNS.slice(0, 6));
  const flat = cell.address(rng, city, 'sharedFlat', { flat: true });
  const persons: PersonInfo[] = [];
  for (let i = 0; i < LOOKALIKES_PER_CELL; i++) {
    const nat = rng.pick(['ua', 'ro', 'pl', 'lv', 'ee'] as const);
    const address = i < 2 ? flat : cell.address(rng, city, 'privateHome', { flat: true });
    const e = earner(cell, rng, { nat, role: 'foreign worker sending money home', address, age: [22, 55] });
    const employer = firmName(rng, 'fi', rng.pick(['construction', 'logistics', 'maintenance'] as const)).full;
    const net = rng.int(2100, 3000) * 100;
    for (let m = 0; m < 12; m++) {
      const wage = wageAndSpending(cell, rng, e, employer, net, m, city.name);
      cell.external(
        e.account,
        -Math.round((wage.amount * rng.int(30, 50)) / 100 / 1000) * 1000,
        wage.day + rng.int(1, 3),
        {
          kind: 'transfer',
          counterpartyName: MONEY_TRANSFER_SERVICE,
          text: 'Remittance',
        },
      );
      cell.external(e.account, -rng.int(450, 700) * 100, cell.day(m, 2), {
        kind: 'transfer',
        counterpartyName: 'Vuokra-asunnot Oy',
        text: 'vuokra',
      });
    }
    cell.truth.confounders.push({
      kind: 'remittanceSender',
      entityIds: [e.info.id],
      why: 'Sends 30–50% of each wage to the family at home through a money-transfer service within days of payday, as many labour migrants do; the money is his or her own',
    });
    persons.push(e.info);
  }
  return persons;
}

/** Private landlords letting rooms in one or two houses, each tenant paying by transfer. */
function plantLandlords(cell: Cell): PersonInfo[] {
  const rng = cell.rng('lookalike-landlord');
  const persons: PersonInfo[] = [];
  for (let i = 0; i < LOOKALIKES_PER_CELL; i++) {
    const city = rng.pick(FI_TOWNS);
    const landlord = cell.person(rng, {
      nat: 'fi',
      gender: rng.chance(0.5) ? 'female' : 'male',
      age: [40, 75],
      status: 'none',
      networkId: null,
      role: 'private landlord',
      address: cell.address(rng, city, 'privateHome'),
    });
    const lAcc = cell.account(rng, {
      holderId: landlord.id,
      holderName: nameOf(landlord),
      country: 'fi',
      nature: 'clean',
      openingDay: cell.start - rng.int(2000, 9000),
    });
    const houses = Array.from({ length: rng.int(1, 2) }, () => cell.address(rng, city, 'sharedFlat'));
    const tenants: { e: Earner; rent: number; employer: string; net: number }[] = [];
    for (let t = rng.int(3, 5); t > 0; t--) {
      const house = rng.pick(houses);
      const e = earner(cell, rng, {
        nat: rng.pick(['fi', 'fi', 'ee', 'lv', 'ua', 'pl'] as const),
        role: 'tenant',
        address: house,
      });
      e.info.anchorId = landlord.id;
      const rent = rng.int(35, 65) * 1000;
      cell.link(S.Accommodation, {
        [P.resident]: [e.info.id],
        [P.housingAddress]: [house.id],
        [P.housedBy]: [landlord.id],
        [P.startDate]: [iso(cell.start - rng.int(30, 1500))],
        [P.rent]: [String(rent / 100)],
        [P.currency]: ['EUR'],
      });
      const employer = firmName(
        rng,
        'fi',
        rng.pick(['construction', 'logistics', 'maintenance', 'staffing'] as const),
      ).full;
      tenants.push({ e, rent, employer, net: rng.int(1900, 3200) * 100 });
    }
    for (let m = 0; m < 12; m++) {
      for (const t of tenants) {
        wageAndSpending(cell, rng, t.e, t.employer, t.net, m, city.name);
        cell.transfer(t.e.account, lAcc, t.rent, cell.day(m, rng.int(1, 5)), rng.pick(['vuokra', 'rent', 'huone']));
      }
      cell.external(lAcc, -rng.int(200, 600) * 100, cell.day(m, 10), {
        kind: 'direct-debit',
        counterpartyName: 'Kiinteistöhuolto Oy',
      });
      cell.external(lAcc, rng.int(1500, 2400) * 100, cell.day(m, 7), {
        kind: 'salary',
        counterpartyName: 'Kela / Eläketurvakeskus',
        text: 'ELÄKE',
      });
    }
    cell.truth.confounders.push({
      kind: 'landlordWithTenants',
      entityIds: [landlord.id, ...tenants.map((t) => t.e.info.id), ...houses.map((h) => h.id)],
      why: 'A private landlord letting rooms: several tenants at one address each pay him or her by transfer early every month, at market rent, under their own contracts',
    });
    persons.push(landlord, ...tenants.map((t) => t.e.info));
  }
  return persons;
}

export function plantMoneyLookalikes(cell: Cell): PersonInfo[] {
  return [
    ...plantCashBusinesses(cell),
    ...plantCashWageWorkers(cell),
    ...plantRemittanceSenders(cell),
    ...plantLandlords(cell),
  ];
}
