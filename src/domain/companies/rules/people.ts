/** Red flags about who stands behind a company and where it sits. */
import { ageOn } from '../facts.ts';
import type { CompanyFlag, FlagRule } from './types.ts';

const HEUNI =
  'HEUNI report 103a, Patterns of exploitation (2023), and FLOW, Shady Business: company red flags of labour exploitation';

export const sharedAddress: FlagRule = {
  id: 'sharedAddress',
  title: 'Many companies registered at one address',
  source: `${HEUNI}; FATF–Egmont Group, Concealment of Beneficial Ownership (2018): mass-registration addresses`,
  params: {
    minCompanies: {
      value: 3,
      unit: 'companies',
      why: 'Two firms may share premises honestly (a group, an accountant); three or more at one address is how formation agents and letterbox schemes look',
    },
  },
  check(g, p) {
    const min = p.minCompanies ?? 3;
    const byKey = new Map<string, Set<string>>();
    for (const c of g.companies.values())
      for (const k of c.addressKeys) byKey.set(k, (byKey.get(k) ?? new Set()).add(c.id));
    const best = new Map<string, Set<string>>();
    for (const ids of byKey.values()) {
      if (ids.size < min) continue;
      for (const id of ids) if ((best.get(id)?.size ?? 0) < ids.size) best.set(id, ids);
    }
    return [...best].map(([companyId, ids]): CompanyFlag => ({
      rule: 'sharedAddress',
      companyId,
      facts: { companies: ids.size },
      explanation: `${ids.size} companies in the case are registered at this company's address`,
      evidenceIds: [...ids].filter((x) => x !== companyId).sort(),
    }));
  },
};

export const directorManyBoards: FlagRule = {
  id: 'directorManyBoards',
  title: 'A director on many boards',
  source: `${HEUNI}; FATF–Egmont Group, Concealment of Beneficial Ownership (2018): nominee directors`,
  params: {
    maxBoards: {
      value: 4,
      unit: 'companies',
      why: 'An active manager rarely sits on more than a handful of boards; nominee directors lend their name to dozens',
    },
  },
  check(g, p) {
    const max = p.maxBoards ?? 4;
    const boards = new Map<string, Map<string, string>>();
    for (const d of g.directorships) {
      if (!g.companies.has(d.to)) continue;
      const m = boards.get(d.from) ?? new Map<string, string>();
      m.set(d.to, d.id);
      boards.set(d.from, m);
    }
    const out: CompanyFlag[] = [];
    for (const m of boards.values()) {
      if (m.size <= max) continue;
      for (const [companyId, linkId] of m) {
        out.push({
          rule: 'directorManyBoards',
          companyId,
          facts: { boards: m.size },
          explanation: `A director of this company sits on ${m.size} boards in the case (more than ${max})`,
          evidenceIds: [linkId],
        });
      }
    }
    return out;
  },
};

export const directorAge: FlagRule = {
  id: 'directorAge',
  title: 'A director implausibly young or old',
  source: `${HEUNI}: straw directors are often very young people or elderly relatives of the organisers`,
  params: {
    youngUnder: {
      value: 25,
      unit: 'years',
      why: 'Younger than this when appointed to run a firm that employs or posts workers',
    },
    oldFrom: {
      value: 70,
      unit: 'years',
      why: 'This old or older while a director of a firm with a workforce on building sites',
    },
  },
  check(g, p) {
    const young = p.youngUnder ?? 25;
    const old = p.oldFrom ?? 70;
    const out: CompanyFlag[] = [];
    const seen = new Set<string>();
    for (const d of g.directorships) {
      const person = g.persons.get(d.from);
      const company = g.companies.get(d.to);
      if (!person?.birthDate || !company) continue;
      const from = d.start ?? company.incorporationDate;
      const until = d.end ?? company.dissolutionDate ?? g.latestDate;
      const ageFrom = from ? ageOn(person.birthDate, from) : null;
      const ageUntil = until ? ageOn(person.birthDate, until) : null;
      const key = `${company.id}\u0000${person.id}`;
      if (seen.has(key)) continue;
      if (ageFrom !== null && ageFrom < young) {
        seen.add(key);
        out.push({
          rule: 'directorAge',
          companyId: company.id,
          facts: { age: ageFrom, kind: 'young', limit: young },
          explanation: `A director was ${ageFrom} when appointed (younger than ${young})`,
          evidenceIds: [d.id],
        });
      } else if (ageUntil !== null && ageUntil >= old) {
        seen.add(key);
        out.push({
          rule: 'directorAge',
          companyId: company.id,
          facts: { age: ageUntil, kind: 'old', limit: old },
          explanation: `A director is ${ageUntil} years old while in office (${old} or older)`,
          evidenceIds: [d.id],
        });
      }
    }
    return out;
  },
};
