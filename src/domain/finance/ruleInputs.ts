/**
 * What the rules need from the statements, and a plain notice when a case lacks it — so a rule
 * that cannot fire says so beside the findings instead of silently finding nothing. The counts
 * come from the imported lines (per statement account); the texts name the rule and the input.
 */

export interface RuleInputCounts {
  /** Accounts with imported statement lines. */
  statements: number;
  /** Of those, accounts with a place on at least one credit line (where cash was deposited). */
  withDepositPlaces: number;
  /** Of those, accounts with a counterparty account number on at least one line. */
  withCounterpartyAccounts: number;
}

export interface RuleInputNotice {
  rules: string[];
  input: 'statements' | 'depositPlaces' | 'counterpartyAccounts';
  /** How many statements have the input, of how many. */
  have: number;
  of: number;
  message: string;
}

const statements = (n: number) => (n === 1 ? '1 imported statement' : `${n} imported statements`);

export function ruleInputNotices(c: RuleInputCounts): RuleInputNotice[] {
  if (c.statements === 0)
    return [
      {
        rules: ['*'],
        input: 'statements',
        have: 0,
        of: 0,
        message: 'No statements imported: the financial rules have no lines to read.',
      },
    ];
  const out: RuleInputNotice[] = [];
  const none = (n: number) => (c.statements === 1 ? 'the imported statement does not' : `none of the ${statements(n)}`);
  if (c.withDepositPlaces === 0)
    out.push({
      rules: ['funnelAccount'],
      input: 'depositPlaces',
      have: 0,
      of: c.statements,
      message: `Funnel detection needs deposit places; ${none(c.statements)} ${c.statements === 1 ? 'give' : 'has'} them.`,
    });
  else if (c.withDepositPlaces < c.statements)
    out.push({
      rules: ['funnelAccount'],
      input: 'depositPlaces',
      have: c.withDepositPlaces,
      of: c.statements,
      message:
        `Funnel detection needs deposit places; only ${c.withDepositPlaces} of the ${statements(c.statements)} ` +
        'have them, so funnels among the others cannot be seen.',
    });
  if (c.withCounterpartyAccounts === 0)
    out.push({
      rules: ['wageKickback', 'housingDeductions', 'rapidPassThrough'],
      input: 'counterpartyAccounts',
      have: 0,
      of: c.statements,
      message:
        'Kick-back, deduction and pass-through detection need counterparty account numbers; ' +
        `${none(c.statements)} ${c.statements === 1 ? 'give' : 'has'} them.`,
    });
  return out;
}
