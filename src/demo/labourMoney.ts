/**
 * The money of the labour network, booked month by month: the main contractor pays the chain,
 * the letterbox (later its successor) pays round identical wages, the workers hand back a share
 * within days (by transfer or in cash) and pay inflated rent; recruitment fees are repaid; the
 * controller deposits the cash in smaller sums. Every sum taken from a worker goes into the
 * proceeds ledger, and the indicator facts cite the lines that show them.
 */
import type { Cell } from './cell.ts';
import type { IloIndicator } from './groundTruth.ts';
import type { LabourNetwork, LabourWorker } from './labour.ts';
import { nameOf } from './labour.ts';
import { iso } from './dates.ts';
import { delphiFact, eur, iloFact } from './indicators.ts';
import { MERCHANTS, MONEY_TRANSFER_SERVICE, UTILITIES } from './places.ts';

const TAX_OFFICE = 'Verohallinto';

export function bookLabourMoney(cell: Cell, net: LabourNetwork): void {
  const rng = cell.rng('labour-money');
  const wageText = net.base === 'lv' ? 'ALGA' : 'PALK';
  const kickbackText = net.base === 'lv' ? ['aizdevums', 'atmaksa', 'parāds'] : ['laen', 'tagasimakse', 'võlg'];
  const firstRefs = new Map<LabourWorker, { wage?: string; kickbacks: string[]; housing?: string; fee?: string }>();
  for (const w of net.workers) firstRefs.set(w, { kickbacks: [] });

  for (let m = 0; m < 12; m++) {
    const active = net.workers.filter((w) => w.lastMonth >= m);
    const employer = m < net.dissolutionMonth ? net.letterbox : net.successor;
    // B2B invoices down the chain: the main contractor pays a market rate, the letterbox a third less.
    const hours = active.length * rng.int(160, 175);
    cell.external(net.main.account, rng.int(60_000, 140_000) * 100, cell.day(m, 4), {
      kind: 'transfer',
      counterpartyName: 'Asunto Oy client payment',
      text: `Lasku ${rng.digits(5)}`,
    });
    cell.transfer(
      net.main.account,
      net.sub.account,
      hours * 3800,
      cell.day(m, 20),
      `Lasku ${m + 1}/${iso(cell.start).slice(0, 4)}`,
    );
    cell.external(net.main.account, -rng.int(9_000, 16_000) * 100, cell.day(m, 12), {
      kind: 'transfer',
      counterpartyName: TAX_OFFICE,
      text: 'Oma-aloitteiset verot',
    });
    const subToEmployer = m < net.dissolutionMonth ? net.letterbox : net.successor;
    cell.transfer(net.sub.account, subToEmployer.account, hours * 2400, cell.day(m, 25), `Invoice ${rng.digits(4)}`);
    cell.external(net.sub.account, -rng.int(2_000, 4_000) * 100, cell.day(m, 12), {
      kind: 'transfer',
      counterpartyName: TAX_OFFICE,
      text: 'Oma-aloitteiset verot',
    });
    cell.external(employer.account, -1500, cell.day(m, 28), { kind: 'fee', text: 'Konta apkalpošana / service fee' });

    // Wages for the previous month, paid on the 7th; none in the first month.
    if (m > 0) {
      const paidBy = m - 1 < net.dissolutionMonth ? net.letterbox : net.successor;
      for (const w of net.workers.filter((x) => x.lastMonth >= m - 1)) {
        const payDay = cell.day(m, 7);
        const worked = iso(cell.day(m - 1, 1));
        const label = `${wageText} ${worked.slice(5, 7)}/${worked.slice(0, 4)}`;
        const wage = cell.transfer(paidBy.account, w.account, net.paperWageMinor, payDay, label);
        const refs = firstRefs.get(w);
        if (refs && refs.wage === undefined) refs.wage = wage.in;
        // Kick-back within 0–3 days.
        const kickDay = payDay + 1 + rng.int(0, 2);
        const amount = Math.round((net.paperWageMinor * w.kickbackPct) / 100 / 5000) * 5000;
        let ref: string;
        if (w.kickback === 'transfer') {
          ref = cell.transfer(w.account, net.controllerAccount, amount, kickDay, rng.pick(kickbackText)).out;
        } else {
          ref = cell.external(w.account, -amount, kickDay, {
            kind: 'cash-withdrawal',
            text: 'ATM',
            place: net.housing.city,
          });
        }
        refs?.kickbacks.push(ref);
        cell.truth.proceeds.push({
          victimId: w.info.id,
          kind: 'wageKickback',
          amountMinor: amount,
          currency: 'EUR',
          date: iso(kickDay),
          beneficiaryId: net.controller.id,
          transactionRef: ref,
        });
      }
    }

    // From the first wage on: rent for a bed, transferred to the foreman; transport collected
    // in cash (no statement line); the worker's own small spending and money sent home.
    for (const w of m === 0 ? [] : active) {
      const d = cell.day(m, 9 + rng.int(0, 3));
      const ref = cell.transfer(
        w.account,
        net.enforcerAccount,
        net.housingDeductionMinor,
        d,
        rng.pick(['vuokra', 'rent', 'īre', 'üür']),
      ).out;
      const refs = firstRefs.get(w);
      if (refs && refs.housing === undefined) refs.housing = ref;
      cell.truth.proceeds.push({
        victimId: w.info.id,
        kind: 'deduction',
        amountMinor: net.housingDeductionMinor,
        currency: 'EUR',
        date: iso(d),
        beneficiaryId: net.enforcer.id,
        transactionRef: ref,
      });
      cell.truth.proceeds.push({
        victimId: w.info.id,
        kind: 'deduction',
        amountMinor: net.transportDeductionMinor,
        currency: 'EUR',
        date: iso(cell.day(m, 15)),
        beneficiaryId: net.enforcer.id,
      });
      for (let k = 0; k < 2; k++) {
        cell.external(w.account, -rng.int(600, 6000), cell.day(m, rng.int(1, 28)), {
          kind: 'card',
          counterpartyName: rng.pick(MERCHANTS.fi),
          place: net.housing.city,
        });
      }
      cell.external(w.account, -rng.int(8, 30) * 1000, cell.day(m, 12), {
        kind: 'transfer',
        counterpartyName: MONEY_TRANSFER_SERVICE,
        text: 'Remittance',
      });
    }

    // The foreman pays the real rent (far below what the beds bring in) and forwards the rest.
    cell.external(net.enforcerAccount, -rng.int(1300, 1600) * 100, cell.day(m, 2), {
      kind: 'transfer',
      counterpartyName: 'Vuokranantaja Asunnot Oy',
      text: 'vuokra',
    });
    if (m > 0)
      cell.transfer(net.enforcerAccount, net.controllerAccount, active.length * 25000, cell.day(m, 16), 'atmaksa');
    // Cash kick-backs come back in as deposits below €5,000 each.
    const cashKick = net.workers.filter((w) => w.kickback === 'cash' && w.lastMonth >= m - 1).length;
    if (m > 0 && cashKick > 0) {
      let left = Math.round((cashKick * net.paperWageMinor * 0.45) / 10000) * 10000;
      while (left > 0) {
        const dep = Math.min(left, rng.int(30, 49) * 10000);
        cell.external(net.controllerAccount, dep, cell.day(m, 12 + rng.int(0, 10)), {
          kind: 'cash-deposit',
          text: 'Cash deposit',
          place: net.base === 'lv' ? 'Rīga' : 'Tallinn',
        });
        left -= dep;
      }
    }
    for (let k = 0; k < 3; k++) {
      cell.external(net.controllerAccount, -rng.int(2000, 40000), cell.day(m, rng.int(1, 28)), {
        kind: 'card',
        counterpartyName: rng.pick(MERCHANTS[net.base]),
      });
    }
    cell.external(net.controllerAccount, -rng.int(40, 90) * 100, cell.day(m, 5), {
      kind: 'direct-debit',
      counterpartyName: rng.pick(UTILITIES[net.base]),
    });
  }

  for (const w of net.workers) {
    const refs = firstRefs.get(w) ?? { kickbacks: [] };
    // Recruitment fee, repaid by transfer from the first wage or paid in cash before leaving.
    let feeRef: string | undefined;
    let feeDay = w.recruitmentDay + 3;
    if (w.feePaid === 'transfer') {
      const r = net.recruiters.indexOf(w.recruiter);
      const recAcc = net.recruiterAccounts[r];
      if (recAcc) {
        feeDay = cell.day(1, 10);
        feeRef = cell.transfer(w.account, recAcc, w.feeMinor, feeDay, 'komisija').out;
      }
    }
    refs.fee = feeRef;
    cell.truth.proceeds.push({
      victimId: w.info.id,
      kind: 'recruitmentFee',
      amountMinor: w.feeMinor,
      currency: 'EUR',
      date: iso(feeDay),
      beneficiaryId: w.recruiter.id,
      ...(feeRef === undefined ? {} : { transactionRef: feeRef }),
    });
    writeWorkerFacts(cell, net, w, refs, feeDay);
  }
}

function writeWorkerFacts(
  cell: Cell,
  net: LabourNetwork,
  w: LabourWorker,
  refs: { wage?: string; kickbacks: string[]; housing?: string; fee?: string },
  feeDay: number,
): void {
  const rng = cell.rng(`facts-${w.info.id}`);
  const id = w.info.id;
  const net0 =
    net.paperWageMinor -
    Math.round((net.paperWageMinor * w.kickbackPct) / 100) -
    net.housingDeductionMinor -
    net.transportDeductionMinor;
  const deceived = {
    event: `Recruited by ${nameOf(w.recruiter)} with a promise of ${net.promisedWage} from a Finnish company; employed instead by the letterbox ${net.letterbox.name} and left with about ${eur(net0)} a month`,
    day: w.recruitmentDay,
    entityIds: [w.recruitmentId, net.letterbox.id],
    refs: [refs.wage],
  };
  const withheld = {
    event: `Made to hand back ${w.kickbackPct}% of each wage to ${nameOf(net.controller)} ${w.kickback === 'cash' ? 'in cash withdrawn the same week' : 'by bank transfer'}`,
    entityIds: [net.controller.id],
    refs: refs.kickbacks.slice(0, 3),
  };
  const housing = {
    event: `Housed with ${net.workers.length - 1} other workers at ${net.housing.full}, charged ${eur(net.housingDeductionMinor)} a month for a bed`,
    entityIds: [w.accommodationId, net.housing.id],
    refs: [refs.housing],
  };
  iloFact(cell, id, 'deception', deceived);
  iloFact(cell, id, 'withholdingOfWages', withheld);
  iloFact(cell, id, 'abusiveConditions', housing);
  const coercion: IloIndicator = refs.fee !== undefined || rng.chance(0.5) ? 'debtBondage' : 'retentionOfDocuments';
  const coercionEv =
    coercion === 'debtBondage'
      ? {
          event: `Owed the ${eur(w.feeMinor)} recruitment fee and travel costs to ${nameOf(w.recruiter)}, repaid from the first wages`,
          day: feeDay,
          entityIds: [w.recruitmentId],
          refs: [refs.fee],
        }
      : {
          event: `Passport taken "for registration" by ${nameOf(net.enforcer)} on arrival and not returned`,
          day: cell.start + 2,
          entityIds: [net.enforcer.id],
        };
  iloFact(cell, id, coercion, coercionEv);
  const extras: [IloIndicator, { event: string; entityIds: (string | null)[] }][] = [
    [
      'isolation',
      {
        event: 'Had no phone of his or her own; used a prepaid phone handed out and topped up by the foreman',
        entityIds: [w.sharedPhoneId, net.enforcer.id],
      },
    ],
    [
      'excessiveOvertime',
      { event: 'Worked 11–12 hour days, six days a week, paid a flat monthly sum', entityIds: w.employmentIds },
    ],
    [
      'restrictionOfMovement',
      {
        event: `Driven to and from the site by ${nameOf(net.enforcer)}; not allowed to leave the flat alone in the evening`,
        entityIds: [net.enforcer.id],
      },
    ],
    [
      'intimidationThreats',
      {
        event: 'Threatened with dismissal and with being reported to the police as illegally employed',
        entityIds: [net.enforcer.id],
      },
    ],
    [
      'abuseOfVulnerability',
      {
        event: 'Speaks neither Finnish nor English and depended on the foreman for housing, work and transport',
        entityIds: [net.enforcer.id],
      },
    ],
  ];
  const chosen = rng.sample(
    extras.filter(([k]) => k !== 'isolation' || w.sharedPhoneId !== null),
    rng.int(0, 2),
  );
  for (const [indicator, ev] of chosen) iloFact(cell, id, indicator, ev);

  // Delphi: deceptive recruitment, exploitative conditions and coercion at destination positive.
  delphiFact(cell, id, 'deceptiveRecruitment', 'strong', {
    ...deceived,
    event: `Deceived about the employer: ${deceived.event}`,
  });
  delphiFact(cell, id, 'deceptiveRecruitment', 'medium', {
    ...deceived,
    event: `Deceived about wages: promised ${net.promisedWage}`,
  });
  delphiFact(cell, id, 'exploitativeConditions', 'medium', housing);
  delphiFact(cell, id, 'exploitativeConditions', 'medium', {
    ...withheld,
    event: 'Low pay: wage manipulated through kick-backs and deductions',
  });
  delphiFact(cell, id, 'exploitativeConditions', 'medium', {
    event: 'No social protection: no payroll tax or contributions paid by the employer',
    entityIds: [net.letterbox.id],
  });
  delphiFact(cell, id, 'coercionAtDestination', 'strong', coercionEv);
  delphiFact(cell, id, 'coercionAtDestination', 'medium', withheld);
  delphiFact(cell, id, 'abuseOfVulnerabilityAtDestination', 'medium', {
    event: 'Dependent on the exploiters for housing, transport and work',
    entityIds: [net.enforcer.id, w.accommodationId],
  });
}
