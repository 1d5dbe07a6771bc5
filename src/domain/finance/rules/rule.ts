/**
 * What a red-flag rule is: a small named module with its parameters (zod, with defaults), the
 * guidance it comes from, and a scanner that sees each account's history once and then reports
 * findings. Scanning account by account is what lets all rules share one pass over a million
 * statement lines with bounded memory; `run` is the same thing over an in-memory input.
 */
import type { z } from 'zod';
import type { AccountHistory, FinanceContext, Finding } from '../types.ts';

export interface Scanner {
  account(history: AccountHistory): void;
  finish(): Finding[];
}

export interface RuleInput {
  context: FinanceContext;
  histories: Iterable<AccountHistory>;
}

/** A rule as the registry, the API and the CLI see it, parameters not yet checked. */
export interface RuleInfo {
  id: string;
  title: string;
  source: string;
  /** What the rule looks for, in plain words. */
  description: string;
  parameters: z.ZodType<object>;
  /** Checks the parameters (defaults filled in) and starts a scan. */
  start(context: FinanceContext, params?: unknown): Scanner;
}

export interface Rule<S extends z.ZodType<object>> extends RuleInfo {
  parameters: S;
  scanner(context: FinanceContext, params: z.output<S>): Scanner;
  /** The whole rule over an in-memory input. */
  run(input: RuleInput, params?: z.input<S>): Finding[];
}

export function defineRule<S extends z.ZodType<object>>(def: {
  id: string;
  title: string;
  source: string;
  description: string;
  parameters: S;
  scanner: (context: FinanceContext, params: z.output<S>) => Scanner;
}): Rule<S> {
  const start = (context: FinanceContext, params?: unknown): Scanner =>
    def.scanner(context, def.parameters.parse(params ?? {}));
  return {
    ...def,
    start,
    run(input, params) {
      const s = start(input.context, params);
      for (const h of input.histories) s.account(h);
      return s.finish();
    },
  };
}
