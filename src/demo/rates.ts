/**
 * How often innocent people and firms carry the signals the detectors use. The generator draws
 * from these rates and `honesty.test.ts` measures them back from the generated entities and
 * statement lines, so a detector can only score by telling the planted structures apart from
 * ordinary life, never because ordinary life lacks the signal. Each rate says why it is what it is;
 * they are deliberately round and plausible for Finland and the Baltics, not survey statistics.
 */

/** Counts of look-alike confounders planted in every cell (the issue asks for at least five). */
export const LOOKALIKES_PER_CELL = 5;

/**
 * Lowest monthly net wage of a full-time construction or installation worker under the
 * collective agreement (about €3,000 gross). A wage credit below it is the "below-norm wage"
 * signal; the labour network's paper wages (€1,900–2,200) sit under it, and so do honest
 * apprentices, part-timers and workers in lower-paid sectors (warehouse, cleaning).
 */
export const WAGE_NORM_MINOR = 2_300_00;

export const RATES = {
  /**
   * Background residents who take cash out at an ATM in a given month (about one in three still
   * uses cash at least monthly in the Nordic and Baltic countries).
   */
  cashWithdrawalMonthly: 0.3,
  /**
   * Background residents who take most of the wage out in cash the day it arrives (older people,
   * people paying rent in cash, people keeping savings at home).
   */
  cashWageWithdrawal: 0.03,
  /** Background residents who deposit cash in a given month (selling a car, a gift, the flea market). */
  cashDepositMonthly: 0.04,
  /**
   * Background and confounder persons recorded without a birth date: bank customer records and
   * older registry imports often lack it for foreigners.
   */
  missingBirthDate: 0.08,
  /** Background wage earners paid below the norm: apprentices, part-timers, students working shifts. */
  belowNormWage: 0.1,
  /** Honest firms (background employers of the cell) dissolved during the year: retirement, voluntary liquidation. */
  honestDissolution: 0.2,
  /** Foreign background residents who send money home every month through a money-transfer service. */
  remittanceHome: 0.4,
  /**
   * Innocent planted people (confounders) of whom an inspection or interview records one ILO
   * indicator: long seasonal hours, a crowded flat, a wage paid late once — common in low-paid work.
   */
  innocentIloFact: 0.12,
  /** Innocent planted people with one weak Delphi fact (never enough for the decision rule). */
  innocentDelphiWeak: 0.06,
} as const;
