/** Red flags about when a company appeared and how it disappeared. */
import type { CompanyFact, CompanyGraph } from '../facts.ts';
import { daysBetween } from '../facts.ts';
import type { CompanyFlag, FlagRule } from './types.ts';

const MONTH_DAYS = 30.44;
const HEUNI = 'HEUNI report 103a, Patterns of exploitation (2023), and FLOW, Shady Business';

/** The first time a company took work in the chain: as a subcontractor or as a posting employer. */
function firstWork(g: CompanyGraph, id: string): { date: string; linkId: string } | null {
  let best: { date: string; linkId: string } | null = null;
  const see = (date: string | null, linkId: string) => {
    if (date && (!best || date < best.date)) best = { date, linkId };
  };
  for (const s of g.subcontracts) if (s.to === id) see(s.start, s.id);
  for (const p of g.postings) if (p.sendingId === id) see(p.start, p.id);
  return best;
}

export const recentlyRegistered: FlagRule = {
  id: 'recentlyRegistered',
  title: 'Registered only months before its contract',
  source: `${HEUNI}: letterbox and phoenix companies are set up shortly before they take a contract`,
  params: {
    maxMonths: {
      value: 12,
      unit: 'months',
      why: 'A firm that wins subcontracts or posts workers within its first year has no track record to show',
    },
  },
  check(g, p) {
    const max = p.maxMonths ?? 12;
    const out: CompanyFlag[] = [];
    for (const c of g.companies.values()) {
      if (!c.incorporationDate) continue;
      const work = firstWork(g, c.id);
      if (!work) continue;
      const days = daysBetween(c.incorporationDate, work.date);
      if (days < 0 || days >= max * MONTH_DAYS) continue;
      const months = Math.floor(days / MONTH_DAYS);
      out.push({
        rule: 'recentlyRegistered',
        companyId: c.id,
        facts: { months, registered: c.incorporationDate, firstWork: work.date },
        explanation: `Registered on ${c.incorporationDate}, ${months} month(s) before its first contract or posting on ${work.date}`,
        evidenceIds: [work.linkId],
      });
    }
    return out;
  },
};

type Shared = 'director' | 'address' | 'phone' | 'email';
type Taken = 'contracts' | 'workers' | 'succession';

function sharedBetween(g: CompanyGraph, a: CompanyFact, b: CompanyFact): Shared[] {
  const out: Shared[] = [];
  const directors = (id: string) => new Set(g.directorships.filter((d) => d.to === id).map((d) => d.from));
  const da = directors(a.id);
  if ([...directors(b.id)].some((x) => da.has(x))) out.push('director');
  const overlap = (x: readonly string[], y: readonly string[]) => x.some((v) => y.includes(v));
  if (overlap(a.addressKeys, b.addressKeys)) out.push('address');
  if (overlap(a.phones, b.phones)) out.push('phone');
  if (overlap(a.emails, b.emails)) out.push('email');
  return out;
}

function takenOver(g: CompanyGraph, a: CompanyFact, b: CompanyFact): { taken: Taken[]; evidence: string[] } {
  const taken: Taken[] = [];
  const evidence: string[] = [];
  const clientsOf = (id: string) => g.subcontracts.filter((s) => s.to === id);
  const aClients = new Set(clientsOf(a.id).map((s) => s.from));
  const bContracts = clientsOf(b.id).filter((s) => aClients.has(s.from));
  if (bContracts.length) {
    taken.push('contracts');
    evidence.push(...bContracts.map((s) => s.id));
  }
  const staff = (id: string) =>
    new Set([
      ...g.employments.filter((e) => e.to === id).map((e) => e.from),
      ...g.postings.filter((x) => x.sendingId === id).map((x) => x.workerId),
    ]);
  const aStaff = staff(a.id);
  const moved = [...staff(b.id)].filter((w) => aStaff.has(w));
  if (moved.length) taken.push('workers');
  const succession = g.successions.find((s) => s.from === a.id && s.to === b.id);
  if (succession) {
    taken.push('succession');
    evidence.push(succession.id);
  }
  return { taken, evidence };
}

export const phoenix: FlagRule = {
  id: 'phoenix',
  title: 'Phoenix succession',
  source: `${HEUNI}; DOMAIN: a company is dissolved and its business moves to a new one with the same director, address, phone or clients (AUSTRAC Fintel Alliance; NL letterbox study)`,
  params: {
    windowDays: {
      value: 180,
      unit: 'days',
      why: 'The successor is registered within this many days of the predecessor closing (before or after)',
    },
    minShared: { value: 1, unit: 'contact details', why: 'Director, address, phone or e-mail in common' },
  },
  check(g, p) {
    const window = p.windowDays ?? 180;
    const minShared = p.minShared ?? 1;
    const out: CompanyFlag[] = [];
    for (const a of g.companies.values()) {
      if (!a.dissolutionDate) continue;
      for (const b of g.companies.values()) {
        if (b.id === a.id || !b.incorporationDate) continue;
        const gap = daysBetween(a.dissolutionDate, b.incorporationDate);
        if (Math.abs(gap) > window) continue;
        const shared = sharedBetween(g, a, b);
        if (shared.length < minShared) continue;
        const { taken, evidence } = takenOver(g, a, b);
        // Shared contact details alone are not a succession: the new firm must take something over.
        if (taken.length === 0) continue;
        const what = [...shared, ...taken.filter((t) => t !== 'succession')].join(', ');
        const facts = {
          shared: shared.join(','),
          taken: taken.join(','),
          dissolved: a.dissolutionDate,
          registered: b.incorporationDate,
        };
        out.push({
          rule: 'phoenix',
          companyId: a.id,
          facts: { ...facts, role: 'predecessor', other: b.name },
          explanation: `Dissolved on ${a.dissolutionDate}; ${b.name}, registered on ${b.incorporationDate}, shares its ${what}`,
          evidenceIds: [b.id, ...evidence],
        });
        out.push({
          rule: 'phoenix',
          companyId: b.id,
          facts: { ...facts, role: 'successor', other: a.name },
          explanation: `Registered on ${b.incorporationDate} as ${a.name} closed (${a.dissolutionDate}); it shares its ${what}`,
          evidenceIds: [a.id, ...evidence],
        });
      }
    }
    return out;
  },
};
