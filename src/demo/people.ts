/**
 * What the scenario knows about the people, accounts and ad captures a cell makes: shared by the
 * cell builder (./cell.ts) and everything that writes through it or renders its people.
 */
import type { Country, CrimeScriptFunction, Nationality, ProceduralStatus } from './constants.ts';
import type { TruthStatus } from './groundTruth.ts';
import type { Gender, PersonName } from './names.ts';
import type { BankCountry } from './places.ts';

export interface AdCapture {
  adId: string;
  mimeType: 'text/html';
  html: string;
  /** The ad's photo (seed and copy), for writing it as an image file beside the saved page. */
  photo?: { seed: number; variant: number };
}

export interface PersonInfo {
  id: string;
  name: PersonName;
  nat: Nationality;
  gender: Gender;
  birthDay: number;
  residence: Country;
  phone: string | null;
  email: string | null;
  idNumber: string | null;
  passport: string | null;
  addressId: string | null;
  addressFull: string | null;
  networkId: string | null;
  status: TruthStatus;
  functions: CrimeScriptFunction[];
  /** An entity the person is tied to (employer, network member): where duplicates attach. */
  anchorId: string | null;
  /** The sources never give this person's birth date (nor, therefore, a personal code). */
  noBirthDate?: boolean;
}

export interface PersonSpec {
  nat: Nationality;
  gender: Gender;
  age: readonly [number, number];
  residence?: Country;
  status: TruthStatus;
  functions?: CrimeScriptFunction[];
  networkId: string | null;
  role: string;
  /** 'own' draws a new number; a string reuses that E.164 number (shared phone); null: none. */
  phone?: 'own' | string | null;
  email?: boolean;
  idNumber?: boolean;
  passport?: boolean;
  address?: { id: string; full: string } | null;
  /** Status already recorded by the investigation at its start (written into the entity). */
  knownStatus?: ProceduralStatus;
  background?: boolean;
  surname?: string;
  /** Given name to use instead of drawing one (namesakes). */
  firstName?: string;
  /** Birth day to use instead of drawing one (namesakes: another day than the original's). */
  birthDay?: number;
  /** false: recorded without a birth date and personal code. */
  birthDate?: boolean;
}

export interface AccountInfo {
  id: string;
  iban: string;
  holderId: string;
  /** Holder name as this bank prints it on counterparties' statements. */
  printedName: string;
  currency: string;
  country: BankCountry;
}
