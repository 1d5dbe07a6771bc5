/** What the labour exploitation network (./labour.ts) is made of, for the money it books (./labourMoney.ts). */
import type { AccountInfo, PersonInfo } from './people.ts';

export interface LabourWorker {
  info: PersonInfo;
  account: AccountInfo;
  recruiter: PersonInfo;
  recruitmentId: string;
  recruitmentDay: number;
  accommodationId: string;
  employmentIds: string[];
  /** Last month index (0-based) the worker worked; one worker leaves early. */
  lastMonth: number;
  feeMinor: number;
  feePaid: 'transfer' | 'cash';
  kickback: 'transfer' | 'cash';
  /** Share of the paper wage demanded back, in per cent. */
  kickbackPct: number;
  sharedPhoneId: string | null;
}

export interface LabourNetwork {
  networkId: string;
  base: 'lv' | 'ee';
  controller: PersonInfo;
  enforcer: PersonInfo;
  frontDirector: PersonInfo;
  recruiters: PersonInfo[];
  workers: LabourWorker[];
  main: { id: string; name: string; account: AccountInfo };
  sub: { id: string; name: string; account: AccountInfo };
  letterbox: { id: string; name: string; account: AccountInfo };
  successor: { id: string; name: string; account: AccountInfo };
  controllerAccount: AccountInfo;
  enforcerAccount: AccountInfo;
  recruiterAccounts: AccountInfo[];
  housing: { id: string; full: string; city: string };
  /** Month index in which the letterbox is dissolved (day 20) and the successor takes over. */
  dissolutionMonth: number;
  dissolutionDay: number;
  paperWageMinor: number;
  housingDeductionMinor: number;
  transportDeductionMinor: number;
  promisedWage: string;
}
