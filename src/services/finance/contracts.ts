/**
 * The zod contracts of the financial-analysis API (routes/finance.ts) and CLI: one schema per
 * query or body, so the API, the CLI and the web pages accept and refuse the same things.
 */
import { z } from 'zod';
import { ProceedsModel } from '../../domain/finance/proceedsModel.ts';
import { FINDING_STATUSES } from './findings.ts';

// Shapes the web reads too live in the shared contracts.
export {
  AccountOut,
  DecisionBody,
  FindingOut,
  FlowEdgeOut,
  FlowNodeOut,
  TransactionOut,
  TransactionRowsQuery,
} from '../../shared/contracts/finance.ts';

const Id = z.string().min(1).max(200);
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
  status: z.enum(FINDING_STATUSES).optional(),
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
