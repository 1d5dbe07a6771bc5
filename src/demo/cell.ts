/**
 * The builder every part of the scenario writes through. One `Cell` is one independent unit of
 * the scenario (a labour network, a sexual-exploitation network, the confounders, the duplicates
 * and a background population); it collects the cell's entities, statement lines, ad captures and
 * ground truth, then the stream emits them and drops the cell. Nothing refers across cells, so a
 * cell can be generated and forgotten: that is what lets a million transactions stream.
 */
import type { EntityRecord, Grading, TransactionRecord } from '../domain/records.ts';
import { P, S, type Country, type Nationality } from './constants.ts';
import { dayOf, iso, monthStart } from './dates.ts';
import { countryOfPhone, personRecord } from './personRecord.ts';
import {
  emptyTruthPart,
  type AccountNature,
  type AddressUse,
  type CompanyNature,
  type GroundTruthPart,
} from './groundTruth.ts';
import { IdFactory, type IdTag, type UniqueRegistry } from './ids.ts';
import {
  drawBban,
  drawCompanyNumber,
  drawMobile,
  drawPassport,
  drawPersonalCode,
  groupIban,
  ibanFromBban,
  phoneVariant,
} from './identifiers.ts';
import { drawName, foldDiacritics, type PersonName } from './names.ts';
import { BANKS, drawAddress, type BankCountry, type City } from './places.ts';
import { deriveSeed, Rng } from './prng.ts';
import { RATES } from './rates.ts';
import type { AccountInfo, AdCapture, PersonInfo, PersonSpec } from './people.ts';

export type { AccountInfo, AdCapture, PersonInfo, PersonSpec } from './people.ts';

/** Months of statement history every cell covers. */
export const CELL_MONTHS = 12;
/** Cells start in one of the 18 months from this date, so cells do not all share one calendar. */
const EPOCH = dayOf(2023, 1, 1);

interface LineFields {
  text?: string;
  kind: string;
  counterpartyName?: string;
  counterpartyAccount?: string;
  counterpartyAccountId?: string;
  place?: string;
  valueDay?: number;
}

const EMAIL_DOMAIN: Record<Nationality, string> = {
  fi: 'sahkoposti.example',
  ee: 'postkast.example',
  lv: 'pastkaste.example',
  ua: 'poshta.example',
  ro: 'posta.example',
  pl: 'poczta.example',
};

export class Cell {
  readonly ids: IdFactory;
  readonly entities: EntityRecord[] = [];
  readonly transactions: TransactionRecord[] = [];
  readonly captures: AdCapture[] = [];
  readonly truth: GroundTruthPart = emptyTruthPart();
  /** First day of the cell's first month. */
  readonly start: number;
  private readonly accounts = new Map<string, AccountInfo>();
  private readonly phoneEntities = new Map<string, string>();
  private readonly emailEntities = new Map<string, string>();
  private readonly monthStarts: readonly number[];

  constructor(
    readonly seed: number,
    readonly index: number,
    readonly registry: UniqueRegistry,
  ) {
    this.ids = new IdFactory(seed, index);
    this.start = monthStart(EPOCH, this.rng('setup').int(0, 17));
    // Month boundaries are asked for on every booking: computed once.
    this.monthStarts = Array.from({ length: CELL_MONTHS + 2 }, (_, m) => monthStart(this.start, m));
  }

  /** An independent random stream for one part of the cell. */
  rng(label: string): Rng {
    return new Rng(deriveSeed(this.seed, this.index, label));
  }

  /** Day `dom` (1-based, clamped to the month) of month `m` of the cell's period. */
  day(m: number, dom: number): number {
    const first = this.monthStarts[m] ?? monthStart(this.start, m);
    const next = this.monthStarts[m + 1] ?? monthStart(this.start, m + 1);
    return Math.min(first + dom - 1, next - 1);
  }

  get end(): number {
    return (this.monthStarts[CELL_MONTHS] ?? monthStart(this.start, CELL_MONTHS)) - 1;
  }

  networkId(kind: 'labour' | 'sexual'): string {
    return `${this.ids.prefix}${kind}`;
  }

  entity(
    tag: IdTag,
    schema: string,
    properties: Record<string, (string | null | undefined)[]>,
    grading?: Grading,
  ): string {
    const id = this.ids.next(tag);
    const props: Record<string, string[]> = {};
    for (const key in properties) {
      const values = properties[key];
      if (values === undefined) continue;
      const kept: string[] = [];
      for (const v of values) if (typeof v === 'string' && v.length > 0) kept.push(v);
      if (kept.length > 0) props[key] = kept;
    }
    const record: EntityRecord = { id, schema, properties: props };
    if (grading) record.grading = grading;
    this.entities.push(record);
    return id;
  }

  link(schema: string, properties: Record<string, (string | null | undefined)[]>, background = false): string {
    return this.entity(background ? 'bl' : 'l', schema, properties);
  }

  /** A Phone entity per distinct number: phones are nodes in THB analysis. */
  phoneEntity(e164: string, country: Country): string {
    let id = this.phoneEntities.get(e164);
    if (id === undefined) {
      id = this.entity('n', S.Phone, { [P.number]: [e164], [P.country]: [country] });
      this.phoneEntities.set(e164, id);
    }
    return id;
  }

  emailEntity(address: string): string {
    let id = this.emailEntities.get(address);
    if (id === undefined) {
      id = this.entity('e', S.EmailAddress, { [P.emailAddress]: [address] });
      this.emailEntities.set(address, id);
    }
    return id;
  }

  newPhone(rng: Rng, country: Country): string {
    const e164 = this.registry.draw(() => drawMobile(rng, country));
    this.phoneEntity(e164, country);
    return e164;
  }

  newEmail(rng: Rng, local: string, nat: Nationality): string {
    const base = foldDiacritics(local)
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, '');
    const address = this.registry.draw(
      () => `${base}${rng.chance(0.5) ? rng.int(1, 99) : rng.int(1970, 2005)}@${EMAIL_DOMAIN[nat]}`,
    );
    this.emailEntity(address);
    return address;
  }

  address(
    rng: Rng,
    city: City,
    use: AddressUse,
    opts: { flat?: boolean; background?: boolean } = {},
  ): { id: string; full: string; city: string } {
    const a = drawAddress(rng, city, opts.flat ?? false);
    const id = this.entity(opts.background ? 'ba' : 'a', S.Address, {
      [P.full]: [a.full],
      [P.street]: [a.street],
      [P.city]: [a.city],
      [P.postalCode]: [a.postalCode],
      [P.country]: [a.country],
    });
    if (!opts.background) this.truth.addresses.push({ id, use });
    return { id, full: a.full, city: a.city };
  }

  person(rng: Rng, spec: PersonSpec): PersonInfo {
    const drawn = drawName(rng, spec.nat, spec.gender);
    const named: PersonName = spec.surname ? { ...drawn, last: spec.surname } : drawn;
    const name: PersonName = spec.firstName ? { first: spec.firstName, last: named.last } : named;
    const drawnBirthDay = this.start - rng.int(spec.age[0] * 365 + 1, spec.age[1] * 365 + 300);
    const birthDay = spec.birthDay ?? drawnBirthDay;
    const residence = spec.residence ?? spec.nat;
    let phone: string | null = null;
    if (spec.phone === undefined || spec.phone === 'own') phone = this.newPhone(rng, residence);
    else if (spec.phone !== null) phone = spec.phone;
    const email = spec.email ? this.newEmail(rng, `${name.first}.${name.last}`, spec.nat) : null;
    // Innocent people lack a birth date in the sources at the stated rate unless the spec says.
    const innocent = spec.status === 'none' && spec.networkId === null;
    const noBirthDate = spec.birthDate === undefined ? innocent && rng.chance(RATES.missingBirthDate) : !spec.birthDate;
    const idNumber =
      spec.idNumber === false || noBirthDate
        ? null
        : this.registry.drawOrNull(() => drawPersonalCode(rng, spec.nat, birthDay, spec.gender === 'female'));
    const passport = spec.passport ? this.registry.draw(() => drawPassport(rng, spec.nat)) : null;
    const id = this.ids.next(spec.background ? 'bp' : 'p');
    const info: PersonInfo = {
      id,
      name,
      nat: spec.nat,
      gender: spec.gender,
      birthDay,
      residence,
      phone,
      email,
      idNumber,
      passport,
      addressId: spec.address?.id ?? null,
      addressFull: spec.address?.full ?? null,
      networkId: spec.networkId,
      status: spec.status,
      functions: spec.functions ?? [],
      anchorId: null,
    };
    if (noBirthDate) info.noBirthDate = true;
    this.entities.push(personRecord(id, info, rng.int(0, 4), spec.knownStatus));
    if (!spec.background) {
      this.truth.persons.push({
        id,
        proceduralStatus: spec.status,
        crimeScriptFunctions: spec.functions ?? [],
        networkId: spec.networkId,
        role: spec.role,
      });
    }
    return info;
  }

  company(
    rng: Rng,
    spec: {
      name: string;
      country: Country;
      incorporationDay: number;
      dissolutionDay?: number;
      address: { id: string; full: string };
      phone?: string | null;
      email?: string | null;
      nature: CompanyNature;
      networkId: string | null;
      role: string;
    },
  ): string {
    const year = isoYear(spec.incorporationDay);
    const id = this.entity('o', S.Company, {
      [P.name]: [spec.name],
      [P.registrationNumber]: [this.registry.draw(() => drawCompanyNumber(rng, spec.country, year))],
      [P.jurisdiction]: [spec.country],
      [P.country]: [spec.country],
      [P.incorporationDate]: [iso(spec.incorporationDay)],
      [P.dissolutionDate]: [spec.dissolutionDay === undefined ? null : iso(spec.dissolutionDay)],
      [P.address]: [spec.address.full],
      [P.addressEntity]: [spec.address.id],
      [P.phone]: [spec.phone ? phoneVariant(spec.phone, countryOfPhone(spec.phone), rng.int(0, 4)) : null],
      [P.email]: [spec.email],
    });
    this.truth.companies.push({ id, nature: spec.nature, networkId: spec.networkId, role: spec.role });
    return id;
  }

  /** Open a bank account for a person or company, with the Ownership link that says whose it is. */
  account(
    rng: Rng,
    spec: {
      holderId: string;
      holderName: string;
      country: BankCountry;
      nature: AccountNature;
      openingDay: number;
      currency?: string;
      background?: boolean;
      bankIndex?: number;
    },
  ): AccountInfo {
    const banks = BANKS[spec.country];
    const bank =
      spec.bankIndex === undefined ? rng.pick(banks) : (banks[spec.bankIndex % banks.length] ?? rng.pick(banks));
    const iban = this.registry.draw(() => ibanFromBban(spec.country, drawBban(rng, bank)));
    const currency = spec.currency ?? 'EUR';
    const id = this.entity(spec.background ? 'bb' : 'b', S.BankAccount, {
      [P.name]: [groupIban(iban)],
      [P.iban]: [iban],
      [P.bankName]: [bank.name],
      [P.country]: [spec.country],
      [P.currency]: [currency],
      [P.openingDate]: [iso(spec.openingDay)],
    });
    this.link(
      S.Ownership,
      { [P.owner]: [spec.holderId], [P.asset]: [id], [P.startDate]: [iso(spec.openingDay)] },
      spec.background,
    );
    // Baltic, Polish and Romanian banks print counterparties in capitals without diacritics.
    const printedName = spec.country === 'fi' ? spec.holderName : foldDiacritics(spec.holderName).toUpperCase();
    const info: AccountInfo = { id, iban, holderId: spec.holderId, printedName, currency, country: spec.country };
    this.accounts.set(id, info);
    if (!spec.background) this.truth.accounts.push({ id, nature: spec.nature, holderId: spec.holderId });
    return info;
  }

  private line(acc: AccountInfo, amountMinor: number, day: number, f: LineFields): string {
    const reference = this.ids.nextReference();
    const rec: TransactionRecord = {
      accountId: acc.id,
      amountMinor,
      currency: acc.currency,
      bookingDate: iso(day),
      reference,
      kind: f.kind,
    };
    if (f.counterpartyAccountId !== undefined) rec.counterpartyAccountId = f.counterpartyAccountId;
    if (f.counterpartyName !== undefined) rec.counterpartyName = f.counterpartyName;
    if (f.counterpartyAccount !== undefined) rec.counterpartyAccount = f.counterpartyAccount;
    if (f.valueDay !== undefined) rec.valueDate = iso(f.valueDay);
    if (f.text !== undefined) rec.text = f.text;
    if (f.place !== undefined) rec.place = f.place;
    this.transactions.push(rec);
    return reference;
  }

  /**
   * A transfer between two accounts of the scenario: a debit line on the payer's statement and a
   * credit line on the payee's, the credit a day later across borders. Returns both references.
   */
  transfer(
    from: AccountInfo,
    to: AccountInfo,
    amountMinor: number,
    day: number,
    text: string,
  ): { out: string; in: string } {
    const out = this.line(from, -amountMinor, day, {
      kind: 'transfer',
      text,
      counterpartyAccountId: to.id,
      counterpartyAccount: to.iban,
      counterpartyName: to.printedName,
    });
    const inDay = from.country === to.country ? day : day + 1;
    const inRef = this.line(to, amountMinor, inDay, {
      kind: 'transfer',
      text,
      counterpartyAccountId: from.id,
      counterpartyAccount: from.iban,
      counterpartyName: from.printedName,
    });
    return { out, in: inRef };
  }

  /** A line whose counterparty is outside the scenario (shop, landlord, tax office, ATM). */
  external(
    acc: AccountInfo,
    amountMinor: number,
    day: number,
    f: { kind: string; text?: string; counterpartyName?: string; counterpartyAccount?: string; place?: string },
  ): string {
    return this.line(acc, amountMinor, day, f);
  }
}

function isoYear(day: number): number {
  return Number(iso(day).slice(0, 4));
}
