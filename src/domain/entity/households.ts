/**
 * Households: the one test, shared by the ad networks (a phone several of one family give) and
 * the finance rule on shared contact details (a family's earners at one address and phone), of
 * whether people sharing a contact detail are one household rather than a sign of a controller.
 *
 * Two persons are of one household when they are recorded as family (a Family link), or share a
 * surname (its masculine and feminine forms are one: Latvian Ozols/Ozola, Lithuanian
 * Kazlauskas/Kazlauskienė/Kazlauskaitė, Russian and Polish Petrov/Petrova, Kowalski/Kowalska)
 * and an address (an address entity, or the same address text after the one address key,
 * selectors/address.ts). Two records with the same given name and surname at one address are the
 * same person recorded twice: one holder, not a household. Co-workers or flatmates under one roof
 * with other surnames are not a household: a phone or address held for unrelated people living
 * together is what a controller's looks like. Households (and duplicate records) count once.
 */
import { foldText } from '../../shared/names/index.ts';

export interface HouseholdMember {
  id: string;
  /** Given name(s), or null when only a full name is recorded. */
  firstName: string | null;
  /** Surname, or null when only a full name is recorded (its last word is then read as the surname). */
  lastName: string | null;
  /** The full name, when the parts are not recorded. */
  name: string | null;
  /** Address keys: address entity ids and `addressKey` texts, compared as given. */
  addresses: readonly string[];
}

/** Family links as unordered pairs: `familyKey(a, b)`. */
export const familyKey = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);

/**
 * Gender endings of Baltic and Slavic surnames, on the folded text (longest first): Lithuanian
 * married -ienė and unmarried -aitė/-ytė/-iūtė/-utė beside -as/-is/-ys/-us, Latvian -a/-e beside
 * -s/-š, Russian -ova/-eva/-ina/-aja beside -ov/-ev/-in/-ij, Polish -ska/-cka beside -ski/-cki.
 */
const SURNAME_ENDINGS = ['iene', 'aite', 'iute', 'yte', 'ute', 'aja', 'ova', 'eva', 'ina', 'ij', 'ov', 'ev', 'in']
  .concat(['as', 'is', 'ys', 'us', 'i', 'a', 'e', 's'])
  .map((e) => new RegExp(`(?<=^\\p{L}{3,})${e}$`, 'u'));

/** A folded surname and its stems without one gender ending each (at least three letters left). */
function surnameForms(surname: string): string[] {
  const folded = foldText(surname);
  if (!folded) return [];
  return [folded, ...SURNAME_ENDINGS.filter((e) => e.test(folded)).map((e) => folded.replace(e, ''))];
}

/** Are these the same family name, in either gender's form ("Ozols" and "Ozola", "Petrov" and "Petrova")? */
export function sameSurname(a: string, b: string): boolean {
  const fa = surnameForms(a);
  return surnameForms(b).some((f) => fa.includes(f));
}

function namesOf(m: HouseholdMember): { given: string; surname: string } {
  if (m.lastName) return { given: foldText(m.firstName ?? m.name ?? ''), surname: m.lastName };
  const words = foldText(m.name ?? '').split(' ');
  const surname = words.length > 1 ? (words.pop() ?? '') : '';
  return { given: foldText(m.firstName ?? words.join(' ')), surname };
}

type Tie = 'family' | 'household' | 'same person' | null;

function tieOf(a: HouseholdMember, b: HouseholdMember, family: ReadonlySet<string>): Tie {
  if (family.has(familyKey(a.id, b.id))) return 'family';
  const na = namesOf(a);
  const nb = namesOf(b);
  if (!na.surname || !nb.surname || !sameSurname(na.surname, nb.surname)) return null;
  if (!a.addresses.some((x) => b.addresses.includes(x))) return null;
  return na.given !== '' && na.given === nb.given && foldText(na.surname) === foldText(nb.surname)
    ? 'same person'
    : 'household';
}

function groupBy(members: readonly HouseholdMember[], joins: (a: HouseholdMember, b: HouseholdMember) => boolean) {
  const parent = members.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    return r;
  };
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i];
      const b = members[j];
      const [ri, rj] = [find(i), find(j)];
      if (a && b && ri !== rj && joins(a, b)) parent[Math.max(ri, rj)] = Math.min(ri, rj);
    }
  }
  const groups = new Map<number, string[]>();
  members.forEach((m, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), m.id]));
  return [...groups.values()];
}

/**
 * The members grouped into households (a person with no household, or recorded twice, is a group
 * of its own), in the order of their first member.
 */
export function householdsOf(members: readonly HouseholdMember[], family: ReadonlySet<string> = new Set()): string[][] {
  return groupBy(members, (a, b) => tieOf(a, b, family) !== null);
}

/**
 * Are these persons one household: two or more people (not one person recorded twice), all tied
 * as family or by surname and address?
 */
export function isOneHousehold(members: readonly HouseholdMember[], family: ReadonlySet<string> = new Set()): boolean {
  if (householdsOf(members, family).length !== 1) return false;
  return groupBy(members, (a, b) => tieOf(a, b, family) === 'same person').length >= 2;
}
