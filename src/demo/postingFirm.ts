/**
 * A genuine posting firm (confounder): a Polish installation company with premises, office staff,
 * payroll, social contributions and turnover at home, posting a team of electricians to a Finnish
 * main contractor for most of the year with A1 forms, housing them in a flat it rents, paying wages
 * and per diems from Poland. On paper it shares the letterbox's features (a foreign employer of
 * posted workers housed together by the employer, long postings); in the money it does not.
 */
import type { Cell, PersonInfo } from './cell.ts';
import { P, S } from './constants.ts';
import { iso } from './dates.ts';
import { firmName } from './firms.ts';
import { nameOf } from './labour.ts';
import { CITIES, hotelName, MERCHANTS } from './places.ts';
import { LOOKALIKES_PER_CELL } from './rates.ts';

export function plantPostingFirm(cell: Cell, mainContractorId: string): PersonInfo[] {
  const rng = cell.rng('posted');
  const city = rng.pick(CITIES.pl);
  const name = firmName(rng, 'pl', 'installation');
  const director = cell.person(rng, {
    nat: 'pl',
    gender: 'male',
    age: [40, 65],
    status: 'none',
    networkId: null,
    role: 'director of a genuine sending company',
    address: cell.address(rng, city, 'privateHome'),
  });
  const company = cell.company(rng, {
    name: name.full,
    country: 'pl',
    incorporationDay: cell.start - rng.int(6, 25) * 365,
    nature: 'legitimate',
    networkId: null,
    role: 'genuine sending company (real operations in Poland)',
    address: cell.address(rng, city, 'businessPremises'),
    phone: cell.newPhone(rng, 'pl'),
  });
  cell.link(S.Directorship, {
    [P.director]: [director.id],
    [P.organization]: [company],
    [P.startDate]: [iso(cell.start - 3000)],
  });
  const coAcc = cell.account(rng, {
    holderId: company,
    holderName: name.full,
    country: 'pl',
    nature: 'clean',
    openingDay: cell.start - 4000,
    currency: 'PLN',
  });
  // Long postings: from the second month to the eleventh, renewed A1 forms.
  const from = cell.day(1, 1);
  const to = cell.day(10, 30);
  const fiCity = rng.pick(CITIES.fi.slice(0, 5));
  const flat = cell.address(rng, fiCity, 'workerHousing', { flat: true });
  cell.link(S.Subcontract, {
    [P.contractor]: [mainContractorId],
    [P.subcontractor]: [company],
    [P.contract]: [`PL-${rng.digits(5)}`],
    [P.startDate]: [iso(from)],
    [P.endDate]: [iso(to)],
  });
  const workers = Array.from({ length: LOOKALIKES_PER_CELL }, () => {
    const worker = cell.person(rng, {
      nat: 'pl',
      gender: 'male',
      age: [23, 58],
      status: 'none',
      networkId: null,
      role: 'genuinely posted worker',
      address: cell.address(rng, city, 'privateHome'),
      passport: true,
    });
    worker.anchorId = company;
    cell.link(S.Employment, {
      [P.employee]: [worker.id],
      [P.employer]: [company],
      [P.startDate]: [iso(cell.start - rng.int(700, 3000))],
      [P.role]: ['electrician'],
    });
    cell.link(S.Posting, {
      [P.worker]: [worker.id],
      [P.sendingCompany]: [company],
      [P.hostCountry]: ['fi'],
      [P.a1Number]: [`PL-A1-${rng.digits(9)}`],
      [P.sendingCountry]: ['pl'],
      [P.hostCompany]: [mainContractorId],
      [P.startDate]: [iso(from)],
      [P.endDate]: [iso(to)],
    });
    cell.link(S.Accommodation, {
      [P.resident]: [worker.id],
      [P.housingAddress]: [flat.id],
      [P.housedBy]: [company],
      [P.startDate]: [iso(from)],
      [P.endDate]: [iso(to)],
    });
    const account = cell.account(rng, {
      holderId: worker.id,
      holderName: nameOf(worker),
      country: 'pl',
      nature: 'clean',
      openingDay: cell.start - rng.int(1000, 6000),
      currency: 'PLN',
    });
    return { worker, account };
  });
  // Office and workshop staff at home: what makes the undertaking a real one (Directive 2014/67/EU art. 4).
  const homeStaff = ['office administrator', 'accountant', 'workshop foreman'].map((role) => {
    const person = cell.person(rng, {
      nat: 'pl',
      gender: rng.chance(0.5) ? 'female' : 'male',
      age: [24, 60],
      status: 'none',
      networkId: null,
      role: `${role} of a genuine sending company`,
      address: cell.address(rng, city, 'privateHome', { flat: rng.chance(0.5) }),
    });
    person.anchorId = company;
    cell.link(S.Employment, {
      [P.employee]: [person.id],
      [P.employer]: [company],
      [P.startDate]: [iso(cell.start - rng.int(300, 4000))],
      [P.role]: [role],
    });
    const account = cell.account(rng, {
      holderId: person.id,
      holderName: nameOf(person),
      country: 'pl',
      nature: 'clean',
      openingDay: cell.start - rng.int(1000, 6000),
      currency: 'PLN',
    });
    return { person, account };
  });
  const hotelLabel = hotelName(rng, fiCity);
  for (let m = 0; m < 12; m++) {
    const posted = m >= 1 && m <= 10;
    cell.external(coAcc, rng.int(6_000_000, 12_000_000), cell.day(m, 5), {
      kind: 'transfer',
      counterpartyName: posted ? 'Suomen Pääurakointi Oy' : 'Klient Budowa S.A.',
      text: 'Faktura',
    });
    cell.external(coAcc, -rng.int(400_000, 700_000), cell.day(m, 15), {
      kind: 'transfer',
      counterpartyName: 'ZUS',
      text: 'Składki',
    });
    cell.external(coAcc, -rng.int(300_000, 450_000), cell.day(m, 20), {
      kind: 'transfer',
      counterpartyName: 'Urząd Skarbowy',
      text: 'PIT-4R',
    });
    if (posted)
      cell.external(coAcc, -rng.int(700_000, 900_000), cell.day(m, 3), {
        kind: 'transfer',
        counterpartyName: 'Vuokra-asunnot Oy',
        text: 'Najem mieszkania Finlandia',
      });
    for (const { account } of homeStaff)
      cell.transfer(coAcc, account, rng.int(620_000, 900_000), cell.day(m, 10), 'Wynagrodzenie');
    for (const { account } of workers) {
      cell.transfer(coAcc, account, rng.int(780_000, 920_000), cell.day(m, 10), 'Wynagrodzenie');
      if (posted)
        cell.transfer(coAcc, account, rng.int(180_000, 220_000), cell.day(m, 28), 'Dieta delegacja Finlandia');
      cell.external(account, -rng.int(2_000, 30_000), cell.day(m, rng.int(1, 28)), {
        kind: 'card',
        counterpartyName: rng.pick(posted ? MERCHANTS.fi : MERCHANTS.pl),
        place: posted ? fiCity.name : city.name,
      });
    }
  }
  cell.external(coAcc, -rng.int(300_000, 600_000), from - 3, {
    kind: 'card',
    counterpartyName: 'Bałtyk Ferries',
    text: 'Gdańsk–Helsinki',
  });
  cell.external(coAcc, -rng.int(90_000, 160_000), from - 1, {
    kind: 'card',
    counterpartyName: hotelLabel,
    place: fiCity.name,
  });
  for (const { worker } of workers)
    cell.truth.confounders.push({
      kind: 'genuinePostedWorker',
      entityIds: [worker.id, company],
      why: 'Posted for ten months by a company that really operates in Poland (premises, office staff, turnover, tax and social contributions), with an A1 form, housing and travel paid by the employer and full wages with per diems',
    });
  return [director, ...homeStaff.map((h) => h.person), ...workers.map((w) => w.worker)];
}
