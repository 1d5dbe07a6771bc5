/**
 * Background population: ordinary residents with ordinary accounts — salary in, rent and bills
 * and shopping out, a partner's share of the rent. They make the planted structures a needle in
 * a haystack, and give homonyms (same name, different person) for free. They also carry the
 * ordinary share of the signals detectors use (./rates.ts): cash taken out and paid in, wages
 * below the norm, money sent home, a record without a birth date. Ids run without gaps so the
 * ground truth lists them as ranges.
 */
import type { AccountInfo, Cell } from './cell.ts';
import type { Nationality } from './constants.ts';
import { firmName } from './firms.ts';
import { drawBban, ibanFromBban } from './identifiers.ts';
import { nameOf } from './labour.ts';
import { BANKS, CITIES, MERCHANTS, MONEY_TRANSFER_SERVICE, UTILITIES, type BankCountry } from './places.ts';
import { RATES } from './rates.ts';

/** Every cell ends up with at least this many persons (planted + background). */
export const MIN_PERSONS_PER_CELL = 100;
/**
 * Background residents per cell at the least, however many are planted: they carry the ordinary
 * rates of cash, low wages and missing birth dates (./rates.ts) that the detectors must see past.
 */
export const MIN_BACKGROUND_PER_CELL = 40;

const NATS: readonly Nationality[] = ['fi', 'fi', 'fi', 'fi', 'fi', 'fi', 'ee', 'ee', 'lv', 'lv', 'ua', 'ro', 'pl'];

export function plantBackground(cell: Cell): void {
  const rng = cell.rng('background');
  const planted = cell.ids.count('p');
  const n = Math.max(MIN_BACKGROUND_PER_CELL, MIN_PERSONS_PER_CELL - planted) + rng.int(0, 8);
  // A handful of local employers, seen only as payer names and IBANs on the salary lines.
  const employers = Array.from({ length: 6 }, () => {
    const country: BankCountry = rng.chance(0.7) ? 'fi' : 'ee';
    const bank = rng.pick(BANKS[country]);
    return {
      name: firmName(rng, country, rng.pick(['logistics', 'maintenance', 'construction', 'staffing'] as const)).full,
      iban: cell.registry.draw(() => ibanFromBban(country, drawBban(rng, bank))),
    };
  });
  let home: { id: string; full: string; city: string } | null = null;
  let partner: AccountInfo | null = null;
  for (let i = 0; i < n; i++) {
    const nat = rng.pick(NATS);
    const residence: BankCountry = nat === 'ee' || nat === 'lv' ? (rng.chance(0.5) ? nat : 'fi') : 'fi';
    const cohabit: boolean = home !== null && partner !== null && rng.chance(0.3);
    const city = rng.pick(CITIES[residence]);
    const address: { id: string; full: string; city: string } =
      cohabit && home ? home : cell.address(rng, city, 'privateHome', { flat: rng.chance(0.6), background: true });
    const info = cell.person(rng, {
      nat,
      gender: rng.chance(0.5) ? 'female' : 'male',
      age: [19, 78],
      residence,
      status: 'none',
      networkId: null,
      role: 'resident',
      background: true,
      email: rng.chance(0.5),
      passport: nat !== residence && rng.chance(0.5),
      address,
      birthDate: !rng.chance(RATES.missingBirthDate),
    });
    const acc = cell.account(rng, {
      holderId: info.id,
      holderName: nameOf(info),
      country: residence,
      nature: 'clean',
      openingDay: cell.start - rng.int(200, 9000),
      background: true,
    });
    const employer = rng.pick(employers);
    // Apprentices, part-timers and students are paid below the full-time norm; others above it.
    const salary = rng.chance(RATES.belowNormWage) ? rng.int(900, 2200) * 100 : rng.int(2350, 4600) * 100;
    const place = address.city;
    const wageInCash = rng.chance(RATES.cashWageWithdrawal);
    const remits = nat !== residence && rng.chance(RATES.remittanceHome);
    for (let m = 0; m < 12; m++) {
      const wage = salary + rng.int(-4000, 4000);
      const payDay = cell.day(m, rng.pick([15, 25, 28]));
      cell.external(acc, wage, payDay, {
        kind: 'salary',
        counterpartyName: employer.name,
        counterpartyAccount: employer.iban,
        text: residence === 'fi' ? 'PALKKA' : 'PALK',
      });
      if (wageInCash) {
        cell.external(acc, -Math.round((wage * rng.int(60, 90)) / 100 / 2000) * 2000, payDay + rng.int(0, 1), {
          kind: 'cash-withdrawal',
          text: 'ATM',
          place,
        });
      } else if (rng.chance(RATES.cashWithdrawalMonthly)) {
        cell.external(acc, -rng.int(1, 15) * 2000, cell.day(m, rng.int(1, 28)), {
          kind: 'cash-withdrawal',
          text: 'ATM',
          place,
        });
      }
      if (rng.chance(RATES.cashDepositMonthly)) {
        // Mostly at home; now and then in another town (a summer cottage, a flea market, relatives).
        const where = rng.chance(0.7) ? place : rng.pick(CITIES[residence]).name;
        cell.external(acc, rng.int(5, 200) * 1000, cell.day(m, rng.int(1, 28)), {
          kind: 'cash-deposit',
          text: 'Cash deposit',
          place: where,
        });
      }
      if (remits)
        cell.external(acc, -rng.int(10, 40) * 1000, payDay + rng.int(1, 4), {
          kind: 'transfer',
          counterpartyName: MONEY_TRANSFER_SERVICE,
          text: 'Remittance',
        });
      if (cohabit && partner) {
        cell.transfer(acc, partner, rng.pick([400, 450, 500, 550]) * 100, cell.day(m, 1), 'rent share');
      } else {
        cell.external(acc, -rng.int(500, 1200) * 100, cell.day(m, 1), {
          kind: 'transfer',
          counterpartyName: 'Asunto / Korter',
          text: 'rent',
        });
      }
      if (m % 2 === 0)
        cell.external(acc, -rng.int(4000, 16000), cell.day(m, 10), {
          kind: 'direct-debit',
          counterpartyName: rng.pick(UTILITIES[residence]),
        });
      cell.external(acc, -rng.int(500, 12000), cell.day(m, rng.int(1, 28)), {
        kind: 'card',
        counterpartyName: rng.pick(MERCHANTS[residence]),
        place,
      });
    }
    home = cohabit ? null : address;
    partner = cohabit ? null : acc;
  }
  cell.truth.background.push({
    cell: cell.index,
    persons: { prefix: cell.ids.rangePrefix('bp'), count: cell.ids.count('bp') },
    accounts: { prefix: cell.ids.rangePrefix('bb'), count: cell.ids.count('bb') },
    addresses: { prefix: cell.ids.rangePrefix('ba'), count: cell.ids.count('ba') },
  });
}
