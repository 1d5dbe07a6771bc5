/**
 * Contracts of the financial analysis that the web pages share with the server: the proceeds
 * model (the analyst's assumptions, each with its source), the findings' decisions, the
 * transaction rows of the virtualised list, the shapes the finance routes return, and the queries
 * and bodies the finance routes and the CLI accept: one schema per API shape.
 */
import { z } from 'zod';

const Id = z.string().min(1).max(200);

export const findingStatuses = ['open', 'confirmed', 'dismissed'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

/** The assumptions the estimate computes with; other names are kept and printed only. */
export const ASSUMPTIONS = {
  cashKickbackWindowDays: {
    unit: 'days',
    meaning: 'Cash a victim withdrew within this many days after a wage counts as handed back (a kick-back)',
  },
  transportDeductionPerMonth: {
    unit: 'EUR/month',
    meaning: 'Transport charged in cash per month housed (months counted from the housing deductions paid)',
  },
  otherDeductionPerMonth: {
    unit: 'EUR/month',
    meaning: 'Other charges taken in cash per month housed (food, tools, fines)',
  },
  hoursPerMonth: { unit: 'h/month', meaning: 'Hours actually worked per month paid' },
  hourlyWage: { unit: 'EUR/h', meaning: 'Statutory or collective-agreement hourly wage due' },
  clientsPerDay: { unit: 'clients/day', meaning: 'Clients per working day (sexual exploitation)' },
  pricePerClient: { unit: 'EUR', meaning: 'Price per client (the ads’ price when not entered)' },
  daysWorked: { unit: 'days', meaning: 'Days worked per victim in the period' },
  persons: { unit: 'persons', meaning: 'Women exploited, when not named one by one' },
} as const;
export type AssumptionName = keyof typeof ASSUMPTIONS;

export const Assumption = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe(`One of ${Object.keys(ASSUMPTIONS).join(', ')}; other names are kept and printed but not computed with`),
  value: z.number().finite().min(0),
  unit: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .describe('E.g. EUR/month, days, h/month; money units start with the currency code'),
  source: z.string().trim().min(1, 'say where the assumption comes from').max(2000),
  /** Victims (person ids) or accounts it applies to; absent: all. */
  appliesTo: z.array(Id).max(10_000).optional(),
  note: z.string().max(2000).optional(),
});
export type Assumption = z.infer<typeof Assumption>;

const Choice = z.strictObject({
  include: z.array(Id).max(10_000).default([]),
  exclude: z.array(Id).max(10_000).default([]),
});

export const ProceedsModel = z.strictObject({
  assumptions: z.array(Assumption).max(1000).default([]),
  /** Victims (person ids) beyond those the findings show, and ones to leave out. */
  victims: Choice.default({ include: [], exclude: [] }),
  /** Funnel accounts beyond the funnel-account findings, and ones to leave out. */
  funnelAccounts: Choice.default({ include: [], exclude: [] }),
  /** What the sexual-exploitation total rests on: cash banked (observed) or clients × price × days. */
  sexualBasis: z.enum(['observed', 'model']).default('observed'),
});
export type ProceedsModel = z.output<typeof ProceedsModel>;
export type ProceedsModelInput = z.input<typeof ProceedsModel>;

export const DecisionBody = z.strictObject({
  status: z.enum(findingStatuses),
  note: z.string().trim().max(5000).optional(),
});

/** What the web asks before dismissing: a finding is never dismissed without saying why. */
export const DecisionForm = DecisionBody.refine((d) => d.status !== 'dismissed' || !!d.note?.trim(), {
  message: 'say why the finding is dismissed',
  path: ['note'],
});

export const transactionSorts = ['date', 'amount', 'counterparty'] as const;

/** The statement lines of an account or of the case, for the virtualised list and its CSV export. */
export const TransactionRowsQuery = z.object({
  account: Id.optional().describe('Only this account’s lines'),
  counterparty: z
    .string()
    .max(500)
    .optional()
    .describe('A counterparty key as /finance/counterparties ranks them: an account id, no:<number> or name:<name>'),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('Part of the counterparty’s name or number, the text or the reference, any case'),
  from: z.iso.date().optional().describe('First booking date (YYYY-MM-DD)'),
  to: z.iso.date().optional().describe('Last booking date (YYYY-MM-DD)'),
  minAmount: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Minor units, either direction: lines at least this large'),
  direction: z.enum(['in', 'out']).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  finding: Id.optional().describe('Only the lines a finding cites as its evidence'),
  sort: z.enum(transactionSorts).default('date'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  offset: z.coerce.number().int().min(0).max(100_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type TransactionRowsQuery = z.input<typeof TransactionRowsQuery>;

export const TransactionOut = z.object({
  id: z.string(),
  accountId: z.string(),
  counterpartyAccountId: z.string().nullable(),
  counterpartyName: z.string().nullable(),
  counterpartyAccount: z.string().nullable(),
  amountMinor: z.number(),
  currency: z.string(),
  bookingDate: z.string(),
  valueDate: z.string().nullable(),
  text: z.string().nullable(),
  reference: z.string().nullable(),
  kind: z.string().nullable(),
  place: z.string().nullable(),
});
export type TransactionOut = z.infer<typeof TransactionOut>;

export const TransactionRowsOut = z.object({ total: z.number(), transactions: z.array(TransactionOut) });
export type TransactionRowsOut = z.infer<typeof TransactionRowsOut>;

const Money = z.object({
  currency: z.string(),
  inMinor: z.number(),
  outMinor: z.number(),
  credits: z.number(),
  debits: z.number(),
  first: z.string().nullable(),
  last: z.string().nullable(),
});
export type MoneyTotals = z.infer<typeof Money>;
const Party = z.object({ id: z.string(), schema: z.string(), caption: z.string() });

export const AccountOut = z.object({
  id: z.string(),
  caption: z.string(),
  bankName: z.string().nullable(),
  holders: z.array(Party),
  totals: z.array(Money),
  /** Its statements that do not reconcile (imported on acceptance) or could not be checked (no balances). */
  statementWarnings: z.array(z.string()).optional(),
});
export type AccountOut = z.infer<typeof AccountOut>;

/** A node of the money flows: an account, its holder, or a counterparty known only by name or number. */
export const FlowNodeOut = z.object({
  id: z.string(),
  kind: z.enum(['account', 'holder', 'external']),
  caption: z.string(),
  schema: z.string().nullable(),
});
export type FlowNodeOut = z.infer<typeof FlowNodeOut>;
/** Money from one node to another in one currency, summed over the period. */
export const FlowEdgeOut = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  amountMinor: z.number(),
  count: z.number(),
  first: z.string().nullable(),
  last: z.string().nullable(),
});
export type FlowEdgeOut = z.infer<typeof FlowEdgeOut>;

/** A sentence of an explanation (shared/sentences.ts): a translation key and its typed values. */
export const SentenceOut = z.object({
  key: z.string(),
  vars: z
    .record(
      z.string(),
      z.union([
        z.string(),
        z.number(),
        z.object({ minor: z.number(), currency: z.string() }),
        z.object({ share: z.number() }),
        z.object({ count: z.number(), unit: z.string() }),
        z.object({ from: z.string(), to: z.string() }),
      ]),
    )
    .optional(),
});

export const FindingOut = z.object({
  id: z.string(),
  rule: z.string(),
  title: z.string(),
  variant: z.string(),
  subject: z.object({
    id: z.string(),
    kind: z.string(),
    caption: z.string().nullable(),
    schema: z.string().nullable(),
    /** The account's holders as the reader may name them (names, or pseudonyms for victims). */
    holders: z.array(z.string()),
  }),
  score: z.number(),
  explanation: z.string(),
  /** The explanation as sentences the reader's language can say; null for findings stored before. */
  words: z.array(SentenceOut).nullable(),
  status: z.enum(findingStatuses),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  accountIds: z.array(z.string()),
  evidenceCount: z.number(),
  current: z.boolean(),
  runId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FindingOut = z.infer<typeof FindingOut>;

// The queries and bodies of the finance API and CLI.
const date = z.iso.date();

export const PeriodQuery = z.object({
  from: date.optional().describe('First booking date (YYYY-MM-DD)'),
  to: date.optional().describe('Last booking date (YYYY-MM-DD)'),
});

export const AccountsQuery = PeriodQuery.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  after: Id.optional().describe('The last account id of the previous page'),
});

export const HoldersQuery = PeriodQuery.extend({
  limit: z.coerce.number().int().min(1).max(5000).default(200),
});

export const CounterpartiesQuery = PeriodQuery.extend({
  account: Id.optional().describe('An account id'),
  holder: Id.optional().describe('A holder (person or company) id: all their accounts'),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
}).refine((q) => !!q.account !== !!q.holder, { message: 'give either account or holder', path: ['account'] });

export const FlowsQuery = PeriodQuery.extend({
  level: z
    .enum(['account', 'entity'])
    .default('entity')
    .describe('account: account to account; entity: holder to holder'),
  minAmount: z.coerce.number().int().min(0).default(0).describe('Minor units; smaller statement lines are left out'),
  account: Id.optional().describe('Only flows of this account (or, at entity level, of its holder’s accounts)'),
  limit: z.coerce.number().int().min(1).max(5000).default(300).describe('Largest flows kept'),
});

export const TraceQuery = PeriodQuery.extend({
  account: Id,
  direction: z.enum(['forward', 'backward']).default('forward'),
  hops: z.coerce.number().int().min(1).max(8).default(3),
  minAmount: z.coerce.number().int().min(0).default(0).describe('Minor units'),
  maxNodes: z.coerce.number().int().min(2).max(5000).default(300),
});

export const FindingsQuery = z.object({
  rule: z.string().max(100).optional(),
  status: z.enum(findingStatuses).optional(),
  subject: Id.optional(),
  account: Id.optional().describe('Findings flagging this account'),
  minScore: z.coerce.number().min(0).max(1).optional(),
  includeOld: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Also decided findings the latest run no longer reports'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  after: z.string().max(1000).optional(),
});

export const RunBody = z.strictObject({
  rules: z.array(z.string().min(1).max(100)).min(1).max(100).optional().describe('Rule ids; all when absent'),
  parameters: z
    .record(z.string(), z.record(z.string(), z.unknown()))
    .optional()
    .describe('Parameters per rule id; defaults fill in the rest'),
});

export const ProceedsBody = ProceedsModel;
