/**
 * The company side of a case, read out of its entities and links: companies with their register
 * facts, the people around them, and the links a subcontracting and posting chain is made of
 * (Subcontract, Employment, Posting, Directorship, Ownership, Succession). Chains and red flags
 * work on this, never on raw properties.
 */
import type { EntityRecord } from '../records.ts';
import { isA } from '../schema/registry.ts';
import { foldAddress, normaliseEmail, normalisePhone } from '../selectors/index.ts';

export interface CompanyFact {
  id: string;
  name: string;
  country: string | null;
  registrationNumber: string | null;
  incorporationDate: string | null;
  dissolutionDate: string | null;
  /** Address entity ids and folded address texts: two companies meet on either. */
  addressKeys: string[];
  phones: string[];
  emails: string[];
  employees: number | null;
  payroll: number | null;
  taxPaid: number | null;
  currency: string | null;
}

export interface PersonFact {
  id: string;
  name: string;
  birthDate: string | null;
}

/** A dated link from `from` to `to` (director → company, employee → employer, contractor → subcontractor…). */
export interface DatedLink {
  id: string;
  from: string;
  to: string;
  start: string | null;
  end: string | null;
}

export interface SubcontractLink extends DatedLink {
  contract: string | null;
  site: string | null;
}

export interface PostingLink {
  id: string;
  workerId: string;
  sendingId: string;
  hostId: string | null;
  workplace: string | null;
  hostCountry: string | null;
  start: string | null;
  end: string | null;
}

export interface CompanyGraph {
  companies: Map<string, CompanyFact>;
  persons: Map<string, PersonFact>;
  directorships: DatedLink[];
  ownerships: DatedLink[];
  /** from = employee, to = employer. */
  employments: DatedLink[];
  /** from = contractor, to = subcontractor. */
  subcontracts: SubcontractLink[];
  postings: PostingLink[];
  /** from = predecessor, to = successor; `start` is the date of the succession. */
  successions: DatedLink[];
  /** The latest date any fact carries: what "still running" means for open-ended postings. */
  latestDate: string | null;
}

const first = (p: Record<string, string[]>, k: string): string | null => p[k]?.[0] ?? null;
const isoDay = (v: string | null): string | null => (v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);
const numberOf = (v: string | null): number | null => {
  if (v === null) return null;
  const n = Number(v.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : null;
};

/** A folded address text, so "Brīvības iela 12-3, Rīga" and "BRIVIBAS IE. 12-3 RIGA" meet (selectors/address.ts). */
export const addressKey = (text: string): string => `text:${foldAddress(text)}`;

function phonesOf(values: readonly string[], country: string | null): string[] {
  const out = new Set<string>();
  for (const v of values) {
    const r = normalisePhone(v, country?.toUpperCase());
    out.add(r.ok ? r.value : v.replace(/\D/g, ''));
  }
  return [...out];
}

function emailsOf(values: readonly string[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    const r = normaliseEmail(v);
    out.add(r.ok ? r.value : v.trim().toLowerCase());
  }
  return [...out];
}

function companyFact(e: EntityRecord): CompanyFact {
  const p = e.properties;
  const country = first(p, 'country') ?? first(p, 'jurisdiction');
  const addressKeys = [...(p.addressEntity ?? []).map((id) => `entity:${id}`), ...(p.address ?? []).map(addressKey)];
  return {
    id: e.id,
    name: first(p, 'name') ?? e.id,
    country,
    registrationNumber: first(p, 'registrationNumber'),
    incorporationDate: isoDay(first(p, 'incorporationDate')),
    dissolutionDate: isoDay(first(p, 'dissolutionDate')),
    addressKeys: [...new Set(addressKeys)],
    phones: phonesOf(p.phone ?? [], country),
    emails: emailsOf(p.email ?? []),
    employees: numberOf(first(p, 'employees')),
    payroll: numberOf(first(p, 'payroll')),
    taxPaid: numberOf(first(p, 'taxPaid')),
    currency: first(p, 'currency'),
  };
}

const ENDS: Record<string, readonly [string, string]> = {
  Directorship: ['director', 'organization'],
  Ownership: ['owner', 'asset'],
  Employment: ['employee', 'employer'],
  Subcontract: ['contractor', 'subcontractor'],
  Succession: ['predecessor', 'successor'],
};

/** Reads the company graph out of a case's entities (any order; links may precede their ends). */
export function companyGraph(entities: Iterable<EntityRecord>): CompanyGraph {
  const g: CompanyGraph = {
    companies: new Map(),
    persons: new Map(),
    directorships: [],
    ownerships: [],
    employments: [],
    subcontracts: [],
    postings: [],
    successions: [],
    latestDate: null,
  };
  let latest = '';
  const seeDate = (d: string | null) => {
    if (d && d > latest) latest = d;
  };
  for (const e of entities) {
    const p = e.properties;
    if (e.schema === 'Person') {
      g.persons.set(e.id, { id: e.id, name: first(p, 'name') ?? e.id, birthDate: isoDay(first(p, 'birthDate')) });
      continue;
    }
    if (isA(e.schema, 'Organization')) {
      const c = companyFact(e);
      g.companies.set(e.id, c);
      seeDate(c.incorporationDate);
      seeDate(c.dissolutionDate);
      continue;
    }
    if (e.schema === 'Posting') {
      const worker = first(p, 'worker');
      const sending = first(p, 'sendingCompany');
      if (!worker || !sending) continue;
      const posting: PostingLink = {
        id: e.id,
        workerId: worker,
        sendingId: sending,
        hostId: first(p, 'hostCompany'),
        workplace: first(p, 'workplace'),
        hostCountry: first(p, 'hostCountry'),
        start: isoDay(first(p, 'startDate')),
        end: isoDay(first(p, 'endDate')),
      };
      seeDate(posting.start);
      seeDate(posting.end);
      g.postings.push(posting);
      continue;
    }
    const ends = ENDS[e.schema];
    if (!ends) continue;
    const from = first(p, ends[0]);
    const to = first(p, ends[1]);
    if (!from || !to) continue;
    const start = isoDay(first(p, e.schema === 'Succession' ? 'date' : 'startDate')) ?? isoDay(first(p, 'date'));
    const link: DatedLink = { id: e.id, from, to, start, end: isoDay(first(p, 'endDate')) };
    seeDate(link.start);
    seeDate(link.end);
    if (e.schema === 'Directorship') g.directorships.push(link);
    else if (e.schema === 'Ownership') g.ownerships.push(link);
    else if (e.schema === 'Employment') g.employments.push(link);
    else if (e.schema === 'Succession') g.successions.push(link);
    else g.subcontracts.push({ ...link, contract: first(p, 'contract'), site: first(p, 'site') });
  }
  // Ownership of bank accounts and other assets is not part of a company's story here.
  g.ownerships = g.ownerships.filter((o) => g.companies.has(o.to));
  g.latestDate = latest || null;
  return g;
}

/** Whole days from `a` to `b` (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Age in whole years on `at`. */
export function ageOn(birthDate: string, at: string): number {
  const [by = 0, bm = 0, bd = 0] = birthDate.split('-').map(Number);
  const [y = 0, m = 0, d = 0] = at.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
