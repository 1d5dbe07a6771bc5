/** Red flags about a company's workforce: who it really employs, what it pays, how it posts. */
import type { CompanyGraph, PostingLink } from '../facts.ts';
import { addressKey, daysBetween } from '../facts.ts';
import type { CompanyFlag, FlagRule } from './types.ts';

const MONTH_DAYS = 30.44;
const POSTING_DIRECTIVE = 'Directive (EU) 2018/957 amending Directive 96/71/EC, art. 1(2)(b) (new art. 3(1a))';

function postedBy(g: CompanyGraph, id: string): PostingLink[] {
  return g.postings.filter((p) => p.sendingId === id);
}

export const noStaffManyPosted: FlagRule = {
  id: 'noStaffManyPosted',
  title: 'No staff of its own but many posted workers',
  source:
    'Directive 2014/67/EU art. 4(2): a genuine sending undertaking carries out substantial activities where it is established (administrative staff, contracts, turnover); HEUNI report 103a: letterbox employers',
  params: {
    minPosted: {
      value: 5,
      unit: 'workers',
      why: 'Enough posted workers that a real employer would need staff at home to run them',
    },
    maxOtherStaff: {
      value: 1,
      unit: 'employees',
      why: 'Employees it has besides those it posts abroad (or registered employees) at most this many',
    },
  },
  check(g, p) {
    const minPosted = p.minPosted ?? 5;
    const maxOther = p.maxOtherStaff ?? 1;
    const out: CompanyFlag[] = [];
    for (const c of g.companies.values()) {
      const postings = postedBy(g, c.id);
      const posted = new Set(postings.map((x) => x.workerId));
      if (posted.size < minPosted) continue;
      const others = new Set(g.employments.filter((e) => e.to === c.id && !posted.has(e.from)).map((e) => e.from));
      // Staff at home: the register's employee figure (less those it posts) or the Employment links, whichever
      // shows more; a register figure of 140 is not contradicted by a case that holds no Employment links.
      const registered = c.employees;
      const home = registered === null ? others.size : Math.max(others.size, registered - posted.size);
      if (home > maxOther) continue;
      out.push({
        rule: 'noStaffManyPosted',
        companyId: c.id,
        facts: { posted: posted.size, staff: home },
        explanation: `Posts ${posted.size} workers abroad but has ${home} employee(s) of its own at home`,
        evidenceIds: postings.map((x) => x.id).slice(0, 50),
      });
    }
    return out;
  },
};

export const payrollGap: FlagRule = {
  id: 'payrollGap',
  title: 'Payroll far below what its workforce implies',
  source:
    "HEUNI report 103a and DOMAIN §4: minimal payroll tax and social contributions for the workforce it has; posted workers are owed the host country's remuneration (Directive 96/71/EC art. 3(1)(c), as amended by Directive (EU) 2018/957)",
  params: {
    monthlyWage: {
      value: 2000,
      unit: "per worker per month, in the company's currency",
      why: "An assumption: set it to the lowest wage the host country's applicable collective agreement allows",
    },
    maxShare: { value: 0.5, unit: 'share', why: 'Reported payroll below this share of workforce × wage × 12 months' },
  },
  check(g, p) {
    const wage = p.monthlyWage ?? 2000;
    const share = p.maxShare ?? 0.5;
    const out: CompanyFlag[] = [];
    for (const c of g.companies.values()) {
      if (c.payroll === null) continue;
      const known = new Set([
        ...g.employments.filter((e) => e.to === c.id).map((e) => e.from),
        ...postedBy(g, c.id).map((x) => x.workerId),
      ]);
      const workforce = Math.max(c.employees ?? 0, known.size);
      if (workforce === 0) continue;
      const expected = workforce * wage * 12;
      if (c.payroll >= share * expected) continue;
      out.push({
        rule: 'payrollGap',
        companyId: c.id,
        facts: { payroll: c.payroll, workforce, expected, currency: c.currency ?? '' },
        explanation:
          `Reported payroll ${c.payroll} ${c.currency ?? ''} is ${Math.round((100 * c.payroll) / expected)} % of what ${workforce} workers at ${wage} a month would cost (${expected})`.replace(
            '  ',
            ' ',
          ),
        evidenceIds: [],
      });
    }
    return out;
  },
};

/**
 * Postings of one post (the same workplace address, however written, or without one the same
 * host company), oldest first.
 */
function postsOf(g: CompanyGraph): Map<string, PostingLink[]> {
  const out = new Map<string, PostingLink[]>();
  for (const p of g.postings) {
    const place = p.workplace ? addressKey(p.workplace) : p.hostId;
    if (!place || !p.start) continue;
    const list = out.get(place) ?? [];
    list.push(p);
    out.set(place, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
  return out;
}

const endOf = (g: CompanyGraph, p: PostingLink) => p.end ?? g.latestDate ?? p.start ?? '';

export const postingTooLong: FlagRule = {
  id: 'postingTooLong',
  title: 'Posting longer than the rules allow',
  source: `${POSTING_DIRECTIVE}: after 12 months (18 with a motivated notification) all the host state's terms of employment apply; a worker replacing another on the same task at the same place counts cumulatively`,
  params: {
    limitMonths: {
      value: 12,
      unit: 'months',
      why: "Long-term posting: the host state's terms apply in full beyond it",
    },
    extendedMonths: { value: 18, unit: 'months', why: 'The longest extension a motivated notification allows' },
  },
  check(g, p) {
    const limit = p.limitMonths ?? 12;
    const extended = p.extendedMonths ?? 18;
    const out = new Map<string, CompanyFlag>();
    for (const list of postsOf(g).values()) {
      // Per worker on one post: the cumulative time, whoever posted them.
      const byWorker = new Map<string, PostingLink[]>();
      for (const x of list) byWorker.set(x.workerId, [...(byWorker.get(x.workerId) ?? []), x]);
      for (const postings of byWorker.values()) {
        const days = postings.reduce((s, x) => s + Math.max(0, daysBetween(x.start ?? '', endOf(g, x)) + 1), 0);
        // "Exceeds 12 months" (art. 3(1a)): strictly longer than the limit.
        if (days <= limit * MONTH_DAYS) continue;
        const months = Math.floor(days / MONTH_DAYS);
        const last = postings[postings.length - 1];
        if (!last) continue;
        const had = out.get(last.sendingId);
        if (had && Number(had.facts.months) >= months) continue;
        out.set(last.sendingId, {
          rule: 'postingTooLong',
          companyId: last.sendingId,
          facts: { months, limit: months >= extended ? extended : limit },
          explanation: `A worker has been posted to the same place for ${months} months in all, past the ${limit}-month limit (${extended} with a notification)`,
          evidenceIds: postings.map((x) => x.id),
        });
      }
    }
    return [...out.values()];
  },
};

export const repeatedPosting: FlagRule = {
  id: 'repeatedPosting',
  title: 'Posting repeated on the same post',
  source: `${POSTING_DIRECTIVE}, third subparagraph: replacing a posted worker by another, or re-posting through another company, does not restart the clock; Directive 2014/67/EU art. 4(3)(e)`,
  params: {
    maxGapDays: {
      value: 31,
      unit: 'days',
      why: 'A new posting to the same place starting within this many days of the previous one ending continues it',
    },
  },
  check(g, p) {
    const maxGap = p.maxGapDays ?? 31;
    const out = new Map<string, CompanyFlag>();
    for (const list of postsOf(g).values()) {
      for (let i = 0; i < list.length; i++) {
        const later = list[i];
        if (!later?.start) continue;
        // The same worker posted again to the same place by another company, soon after.
        const earlier = list.find(
          (x) =>
            x !== later &&
            x.workerId === later.workerId &&
            x.sendingId !== later.sendingId &&
            (x.start ?? '') < (later.start ?? '') &&
            daysBetween(endOf(g, x), later.start ?? '') <= maxGap,
        );
        if (!earlier) continue;
        const flag = out.get(later.sendingId);
        if (flag) {
          flag.facts.workers = Number(flag.facts.workers) + 1;
          flag.explanation = `${String(flag.facts.workers)} workers posted to the same place by ${String(flag.facts.previous)} were posted there again by this company without a break`;
          flag.evidenceIds.push(earlier.id, later.id);
          continue;
        }
        const previous = g.companies.get(earlier.sendingId)?.name ?? earlier.sendingId;
        out.set(later.sendingId, {
          rule: 'repeatedPosting',
          companyId: later.sendingId,
          facts: { workers: 1, previous },
          explanation: `1 worker posted to the same place by ${previous} was posted there again by this company without a break`,
          evidenceIds: [earlier.id, later.id],
        });
      }
    }
    return [...out.values()];
  },
};
