/**
 * Honest company histories that look like a letterbox and its phoenix (confounders): small firms
 * wound up during the year (the owner retires, the business is sold off, a voluntary liquidation),
 * and firms whose business is taken over by an established one — a Succession link, a
 * dissolution date and the same premises, as with a phoenix, but the successor is years older
 * than the deal, keeps paying tax and takes the staff over on their old terms.
 */
import type { Cell, PersonInfo } from './cell.ts';
import { P, S, type Country } from './constants.ts';
import { iso } from './dates.ts';
import { firmName, type Sector } from './firms.ts';
import { nameOf } from './labour.ts';
import { CITIES } from './places.ts';
import type { Rng } from './prng.ts';
import { LOOKALIKES_PER_CELL } from './rates.ts';

const TAX: Record<'fi' | 'ee' | 'lv', string> = { fi: 'Verohallinto', ee: 'Maksu- ja Tolliamet', lv: 'VID' };

interface Firm {
  id: string;
  name: string;
  director: PersonInfo;
  premises: { id: string; full: string; city: string };
}

function firm(
  cell: Cell,
  rng: Rng,
  spec: {
    country: 'fi' | 'ee' | 'lv';
    sector: Sector;
    role: string;
    ageYears: readonly [number, number];
    dissolutionDay?: number;
    premises?: { id: string; full: string; city: string };
  },
): Firm & { account: ReturnType<Cell['account']> } {
  const city = rng.pick(CITIES[spec.country]);
  const name = firmName(rng, spec.country, spec.sector);
  const director = cell.person(rng, {
    nat: spec.country,
    gender: rng.chance(0.5) ? 'female' : 'male',
    age: [35, 70],
    residence: spec.country,
    status: 'none',
    networkId: null,
    role: `director of a ${spec.role}`,
    address: cell.address(rng, city, 'privateHome'),
  });
  const premises = spec.premises ?? cell.address(rng, city, 'businessPremises');
  const id = cell.company(rng, {
    name: name.full,
    country: spec.country as Country,
    incorporationDay: cell.start - rng.int(spec.ageYears[0] * 365, spec.ageYears[1] * 365),
    ...(spec.dissolutionDay === undefined ? {} : { dissolutionDay: spec.dissolutionDay }),
    nature: 'legitimate',
    networkId: null,
    role: spec.role,
    address: premises,
    phone: cell.newPhone(rng, spec.country),
  });
  cell.link(S.Directorship, {
    [P.director]: [director.id],
    [P.organization]: [id],
    [P.startDate]: [iso(cell.start - rng.int(400, 4000))],
  });
  director.anchorId = id;
  const account = cell.account(rng, {
    holderId: id,
    holderName: name.full,
    country: spec.country,
    nature: 'clean',
    openingDay: cell.start - rng.int(400, 4000),
  });
  return { id, name: name.full, director, premises, account };
}

/** Monthly turnover, tax and the owner's pay, up to (and not after) `lastDay`. */
function trade(cell: Cell, rng: Rng, f: ReturnType<typeof firm>, country: 'fi' | 'ee' | 'lv', lastDay: number) {
  for (let m = 0; m < 12; m++) {
    if (cell.day(m, 28) > lastDay) break;
    cell.external(f.account, rng.int(80, 400) * 10000, cell.day(m, 6), {
      kind: 'transfer',
      counterpartyName: rng.pick(['Asiakas Oy', 'Klient AS', 'Klients SIA']),
      text: `Invoice ${rng.digits(5)}`,
    });
    cell.external(f.account, -rng.int(20, 90) * 10000, cell.day(m, 12), {
      kind: 'transfer',
      counterpartyName: TAX[country],
      text: 'Tax',
    });
  }
}

function plantDissolutions(cell: Cell): PersonInfo[] {
  const rng = cell.rng('lookalike-dissolution');
  const out: PersonInfo[] = [];
  for (let i = 0; i < LOOKALIKES_PER_CELL; i++) {
    const country = rng.pick(['fi', 'fi', 'ee', 'lv'] as const);
    const day = cell.day(rng.int(2, 11), rng.int(1, 28));
    const f = firm(cell, rng, {
      country,
      sector: rng.pick(['construction', 'maintenance', 'logistics', 'installation'] as const),
      role: 'small firm wound up voluntarily',
      ageYears: [4, 30],
      dissolutionDay: day,
    });
    trade(cell, rng, f, country, day - 30);
    cell.truth.confounders.push({
      kind: 'honestDissolution',
      entityIds: [f.id, f.director.id],
      why: `Wound up on ${iso(day)} after ${rng.pick(['the owner retired', 'the only customer contract ended', 'the owners moved abroad'])}; debts and taxes paid, no successor, nobody taken over`,
    });
    out.push(f.director);
  }
  return out;
}

function plantSuccessions(cell: Cell): PersonInfo[] {
  const rng = cell.rng('lookalike-succession');
  const out: PersonInfo[] = [];
  for (let i = 0; i < LOOKALIKES_PER_CELL; i++) {
    const country = rng.pick(['fi', 'fi', 'ee', 'lv'] as const);
    const sector = rng.pick(['construction', 'maintenance', 'logistics', 'installation'] as const);
    const day = cell.day(rng.int(3, 9), rng.int(1, 28));
    const seller = firm(cell, rng, {
      country,
      sector,
      role: 'firm whose business was taken over',
      ageYears: [5, 30],
      dissolutionDay: day,
    });
    // The buyer registers at the premises it takes over, as a phoenix registers at its predecessor's.
    const buyer = firm(cell, rng, {
      country,
      sector,
      role: 'established firm taking over a business',
      ageYears: [8, 35],
      premises: seller.premises,
    });
    trade(cell, rng, seller, country, day - 20);
    trade(cell, rng, buyer, country, cell.end);
    const price = rng.int(5, 60) * 1_000_000;
    cell.transfer(
      buyer.account,
      seller.account,
      price,
      day - rng.int(10, 25),
      'Liiketoimintakauppa / business transfer',
    );
    cell.link(S.Succession, { [P.predecessor]: [seller.id], [P.successor]: [buyer.id], [P.date]: [iso(day)] });
    // The seller's director stays on as site manager.
    cell.link(S.Employment, {
      [P.employee]: [seller.director.id],
      [P.employer]: [buyer.id],
      [P.startDate]: [iso(day + 1)],
      [P.role]: ['site manager'],
    });
    cell.truth.confounders.push({
      kind: 'legitimateSuccession',
      entityIds: [buyer.id, seller.id, seller.director.id],
      why: `${buyer.name} (in business for years) bought the business of ${seller.name} on ${iso(day)} for a price paid by transfer, took over its premises and staff; ${nameOf(seller.director)} stayed on as an employee`,
    });
    out.push(buyer.director, seller.director);
  }
  return out;
}

export function plantFirmLookalikes(cell: Cell): PersonInfo[] {
  return [...plantDissolutions(cell), ...plantSuccessions(cell)];
}
