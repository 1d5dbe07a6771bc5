import { z } from 'zod';
import { EntityRowOut } from './entities.ts';

export const selectorKinds = ['phone', 'iban', 'account', 'email', 'plate', 'document', 'name'] as const;

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(500).describe('Words to find in names, properties, notes and document text'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const SelectorQuery = z.object({
  kind: z.enum(selectorKinds),
  value: z.string().trim().min(1).max(500).describe('Written any way: it is normalised before look-up'),
});

export const TransactionQuery = z.object({
  account: z.string().max(200).optional(),
  counterparty: z.string().max(200).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  minAmount: z.coerce.number().int().optional().describe('Minor units (cents), signed'),
  maxAmount: z.coerce.number().int().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  text: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  after: z.string().max(1000).optional(),
});

export const TransactionsCreate = z.strictObject({
  sourceId: z.string().max(200).optional(),
  transactions: z
    .array(
      z.strictObject({
        accountId: z.string().min(1).max(200),
        counterpartyAccountId: z.string().max(200).nullish(),
        counterpartyName: z.string().max(500).nullish(),
        counterpartyAccount: z.string().max(100).nullish(),
        amountMinor: z.number().int().describe('Signed minor units: negative is money out'),
        currency: z.string().regex(/^[A-Z]{3}$/),
        bookingDate: z.iso.date(),
        valueDate: z.iso.date().nullish(),
        text: z.string().max(2000).nullish(),
        reference: z.string().max(200).nullish(),
        kind: z.string().max(50).nullish(),
        place: z.string().max(200).nullish(),
      }),
    )
    .min(1)
    .max(10_000),
});

/** Search across every case the caller may read. */
export const searchModes = ['auto', 'text', ...selectorKinds] as const;

export const GlobalSearchQuery = z.object({
  q: z.string().trim().min(1, 'type something to search for').max(500),
  mode: z
    .enum(searchModes)
    .default('auto')
    .describe('auto: full text, plus phone/IBAN/e-mail look-up when the words look like one'),
  limit: z.coerce.number().int().min(1).max(100).default(25).describe('Hits per case'),
});

export const GlobalSearchOut = z.object({
  /** What the words were looked up as: `text`, or a selector kind with its normalised form. */
  lookedUpAs: z.array(z.object({ mode: z.string(), normalised: z.string().nullable() })),
  cases: z.array(
    z.object({
      caseId: z.string(),
      title: z.string(),
      reference: z.string().nullable(),
      hits: z.array(z.object({ entity: EntityRowOut, matchedBy: z.string(), property: z.string().nullable() })),
    }),
  ),
});
export type GlobalSearchOut = z.infer<typeof GlobalSearchOut>;
