/**
 * Labour exploitation network (HEUNI 103a, FLOW): recruiters in Latvia and Estonia recruit
 * workers with promises of Finnish jobs; the workers are employed by a letterbox company in
 * Latvia or Estonia and posted down a subcontracting chain (legitimate Finnish main contractor →
 * Finnish subcontractor → letterbox); they share a flat and phones; halfway through the period
 * the letterbox is dissolved and a phoenix successor takes over its contract and its workers.
 * This module builds the people, companies and links; labourMoney.ts books the money.
 */
import type { Cell, PersonInfo } from './cell.ts';
import { P, S, type Nationality } from './constants.ts';
import { iso } from './dates.ts';
import { firmEmail, firmName, phoenixName } from './firms.ts';
import { labourSuspects } from './labourSuspects.ts';
import type { LabourNetwork, LabourWorker } from './labourTypes.ts';
import { CITIES, pickCity } from './places.ts';

export type { LabourNetwork, LabourWorker } from './labourTypes.ts';

const WORKER_NATS: readonly Nationality[] = ['ua', 'ro', 'pl', 'lv', 'ua', 'ro'];

export function buildLabourNetwork(cell: Cell): LabourNetwork {
  const rng = cell.rng('labour');
  const networkId = cell.networkId('labour');
  const base: 'lv' | 'ee' = rng.chance(0.5) ? 'lv' : 'ee';
  const baseCity = CITIES[base][0] ?? pickCity(rng, base);
  const fiCity = rng.pick(CITIES.fi.slice(0, 5));
  const s = cell.start;
  const home = (country: 'fi' | 'lv' | 'ee' | 'pl' | 'ro' | 'ua') =>
    cell.address(rng, pickCity(rng, country), 'privateHome', { flat: rng.chance(0.6) });

  const { controller, enforcer, recruiters, frontDirector, old } = labourSuspects(cell, rng, networkId, base, home);

  // --- companies: main contractor → subcontractor → letterbox → phoenix successor ----------
  const mainName = firmName(rng, 'fi', 'construction');
  const mainDirector = cell.person(rng, {
    nat: 'fi',
    gender: rng.chance(0.7) ? 'male' : 'female',
    age: [40, 62],
    status: 'witness',
    networkId: null,
    role: 'managing director of the main contractor',
    address: home('fi'),
    email: true,
  });
  const main = cell.company(rng, {
    name: mainName.full,
    country: 'fi',
    incorporationDay: s - rng.int(8, 25) * 365,
    nature: 'legitimate',
    networkId: null,
    role: 'main contractor (end client of the chain)',
    address: cell.address(rng, fiCity, 'businessPremises'),
    phone: cell.newPhone(rng, 'fi'),
    email: firmEmail(rng, mainName.core),
  });
  const subName = firmName(rng, 'fi', 'installation');
  const subDirector = cell.person(rng, {
    nat: rng.chance(0.7) ? 'fi' : 'ee',
    gender: 'male',
    age: [30, 58],
    residence: 'fi',
    status: 'witness',
    networkId: null,
    role: 'director of the subcontractor',
    address: home('fi'),
  });
  const sub = cell.company(rng, {
    name: subName.full,
    country: 'fi',
    incorporationDay: s - rng.int(2, 7) * 365,
    nature: 'subcontractor',
    networkId,
    role: 'Finnish subcontractor passing the work to the letterbox',
    address: cell.address(rng, fiCity, 'businessPremises'),
    phone: cell.newPhone(rng, 'fi'),
  });
  const dissolutionMonth = rng.int(5, 7);
  const dissolutionDay = cell.day(dissolutionMonth, 20);
  const office = cell.address(rng, baseCity, 'registeredOfficeOnly');
  const lbName = firmName(rng, base, 'construction');
  const lbEmail = firmEmail(rng, lbName.core);
  const letterbox = cell.company(rng, {
    name: lbName.full,
    country: base,
    incorporationDay: s - rng.int(90, 270),
    dissolutionDay,
    nature: 'letterbox',
    networkId,
    role: 'letterbox company employing and posting the workers',
    address: office,
    phone: enforcer.phone,
    email: lbEmail,
  });
  const sameDirector = rng.chance(0.6);
  const successorDirector = sameDirector
    ? frontDirector
    : cell.person(rng, {
        nat: base,
        gender: 'male',
        age: [19, 23],
        status: 'suspect',
        networkId,
        role: 'straw director of the phoenix successor',
        functions: ['frontDirector'],
        address: home(base),
      });
  const succName = phoenixName(rng, base, lbName);
  const successor = cell.company(rng, {
    name: succName.full,
    country: base,
    incorporationDay: dissolutionDay - rng.int(10, 40),
    nature: 'phoenixSuccessor',
    networkId,
    role: 'phoenix successor taking over the letterbox contract and workers',
    address: office,
    phone: enforcer.phone,
    email: lbEmail,
  });

  const link = (schema: string, props: Record<string, (string | null | undefined)[]>) => cell.link(schema, props);
  link(S.Directorship, { [P.director]: [mainDirector.id], [P.organization]: [main], [P.startDate]: [iso(s - 2000)] });
  link(S.Directorship, { [P.director]: [subDirector.id], [P.organization]: [sub], [P.startDate]: [iso(s - 700)] });
  link(S.Directorship, {
    [P.director]: [frontDirector.id],
    [P.organization]: [letterbox],
    [P.startDate]: [iso(s - 200)],
  });
  link(S.Directorship, {
    [P.director]: [successorDirector.id],
    [P.organization]: [successor],
    [P.startDate]: [iso(dissolutionDay - 30)],
  });
  link(S.Ownership, { [P.owner]: [frontDirector.id], [P.asset]: [letterbox] });
  link(S.Ownership, { [P.owner]: [successorDirector.id], [P.asset]: [successor] });
  link(S.Succession, { [P.predecessor]: [letterbox], [P.successor]: [successor], [P.date]: [iso(dissolutionDay)] });
  link(S.Family, {
    [P.person]: [controller.id],
    [P.relative]: [frontDirector.id],
    [P.relationship]: [old ? 'mother' : 'nephew'],
  });
  link(S.Associate, { [P.person]: [controller.id], [P.associate]: [enforcer.id] });
  const worksite = cell.address(rng, fiCity, 'worksite');
  link(S.UnknownLink, { [P.subject]: [main], [P.object]: [worksite.id], [P.role]: ['construction site'] });
  const contractNo = `${iso(s).slice(0, 4)}-${rng.digits(3)}`;
  link(S.Subcontract, {
    [P.contractor]: [main],
    [P.subcontractor]: [sub],
    [P.contract]: [`U-${contractNo}`],
    [P.site]: [worksite.full],
    [P.startDate]: [iso(s)],
    [P.endDate]: [iso(cell.end)],
  });
  link(S.Subcontract, {
    [P.contractor]: [sub],
    [P.subcontractor]: [letterbox],
    [P.contract]: [`A-${contractNo}`],
    [P.site]: [worksite.full],
    [P.startDate]: [iso(s)],
    [P.endDate]: [iso(dissolutionDay)],
  });
  link(S.Subcontract, {
    [P.contractor]: [sub],
    [P.subcontractor]: [successor],
    [P.contract]: [`A-${contractNo}/2`],
    [P.site]: [worksite.full],
    [P.startDate]: [iso(dissolutionDay + 1)],
    [P.endDate]: [iso(cell.end)],
  });

  // --- accounts -----------------------------------------------------------------------------
  const acc = (
    holder: string,
    name: string,
    country: 'fi' | 'lv' | 'ee',
    nature: 'clean' | 'controller' | 'frontCompany',
    opening: number,
  ) => cell.account(rng, { holderId: holder, holderName: name, country, nature, openingDay: opening });
  const mainAcc = acc(main, mainName.full, 'fi', 'clean', s - 3000);
  const subAcc = acc(sub, subName.full, 'fi', 'clean', s - 600);
  const lbAcc = acc(letterbox, lbName.full, base, 'frontCompany', s - 80);
  const succAcc = acc(successor, succName.full, base, 'frontCompany', dissolutionDay - 8);
  const controllerAccount = acc(controller.id, nameOf(controller), base, 'controller', s - 2500);
  const enforcerAccount = acc(enforcer.id, nameOf(enforcer), 'fi', 'controller', s - 400);
  const recruiterAccounts = recruiters.map((r) =>
    acc(r.id, nameOf(r), r.nat === 'ee' ? 'ee' : 'lv', 'controller', s - 1500),
  );

  // --- workers ------------------------------------------------------------------------------
  const housing = cell.address(rng, fiCity, 'workerHousing', { flat: true });
  const sharedPhones = [cell.newPhone(rng, 'fi'), cell.newPhone(rng, 'fi')];
  const paperWageMinor = rng.pick([1900, 2000, 2100, 2200]) * 100;
  const promisedWage = rng.chance(0.5) ? `${rng.int(14, 17)} EUR/h` : `${rng.pick([2800, 3000, 3200])} EUR/month net`;
  const workerCount = rng.int(6, 10);
  const leaver = rng.int(0, workerCount - 1);
  // The worker whose complaint opened the case: known as a victim from the start.
  const complainant = leaver === 0 ? 1 : 0;
  const openDay = s + rng.int(3, 9);
  const workers: LabourWorker[] = [];
  for (let i = 0; i < workerCount; i++) {
    const nat = i < 2 ? 'ua' : rng.pick(WORKER_NATS);
    const shared = rng.chance(0.6) ? rng.pick(sharedPhones) : null;
    const info = cell.person(rng, {
      nat,
      gender: rng.chance(0.9) ? 'male' : 'female',
      age: [20, 56],
      residence: 'fi',
      status: i === leaver ? 'presumedVictim' : 'victim',
      networkId,
      role: 'posted construction worker',
      phone: shared ?? 'own',
      passport: true,
      idNumber: nat !== 'ua' && rng.chance(0.7),
      email: rng.chance(0.3),
      address: housing,
      knownStatus: i === complainant ? 'victim' : undefined,
    });
    // Workers' accounts are opened together, at one bank branch, within two days: a FATF flag.
    const account = cell.account(rng, {
      holderId: info.id,
      holderName: nameOf(info),
      country: 'fi',
      nature: 'worker',
      openingDay: openDay + rng.int(0, 2),
      bankIndex: 0,
    });
    const recruiter = rng.pick(recruiters);
    const recruitmentDay = s - rng.int(20, 90);
    const feeMinor = rng.pick([300, 400, 500, 600, 800]) * 100;
    // The leaver goes home before the phoenix switch, so the letterbox pays his last wage.
    const lastMonth = i === leaver ? rng.int(2, 4) : 11;
    const recruitmentId = link(S.Recruitment, {
      [P.recruiter]: [recruiter.id],
      [P.recruited]: [info.id],
      [P.date]: [iso(recruitmentDay)],
      [P.place]: [recruiter.nat === 'lv' ? rng.pick(CITIES.lv).name : rng.pick(CITIES.ee).name],
      [P.promisedJob]: ['construction worker for a Finnish building company'],
      [P.promisedWage]: [promisedWage],
      [P.fee]: [String(feeMinor / 100)],
      [P.currency]: ['EUR'],
    });
    const leaveDay = lastMonth === 11 ? cell.end : cell.day(lastMonth, 28);
    const employmentIds = [
      link(S.Employment, {
        [P.employee]: [info.id],
        [P.employer]: [letterbox],
        [P.startDate]: [iso(s)],
        [P.endDate]: [iso(Math.min(leaveDay, dissolutionDay))],
        [P.role]: ['construction worker'],
      }),
    ];
    const a1 = rng.chance(0.5) ? `A1-${base.toUpperCase()}-${rng.digits(8)}` : null;
    const posting = {
      [P.hostCountry]: ['fi'],
      [P.sendingCountry]: [base],
      [P.hostCompany]: [sub],
      [P.workplace]: [worksite.full],
    };
    link(S.Posting, {
      ...posting,
      [P.worker]: [info.id],
      [P.sendingCompany]: [letterbox],
      [P.a1Number]: [a1],
      [P.startDate]: [iso(s)],
      [P.endDate]: [iso(Math.min(leaveDay, dissolutionDay))],
    });
    if (lastMonth >= dissolutionMonth) {
      employmentIds.push(
        link(S.Employment, {
          [P.employee]: [info.id],
          [P.employer]: [successor],
          [P.startDate]: [iso(dissolutionDay + 1)],
          [P.endDate]: [null],
          [P.role]: ['construction worker'],
        }),
      );
      link(S.Posting, {
        ...posting,
        [P.worker]: [info.id],
        [P.sendingCompany]: [successor],
        [P.startDate]: [iso(dissolutionDay + 1)],
      });
    }
    const housingDeduction = 40000;
    const accommodationId = link(S.Accommodation, {
      [P.resident]: [info.id],
      [P.housingAddress]: [housing.id],
      [P.housedBy]: [enforcer.id],
      [P.startDate]: [iso(s)],
      [P.endDate]: [lastMonth === 11 ? null : iso(leaveDay)],
      [P.rent]: [String(housingDeduction / 100)],
      [P.currency]: ['EUR'],
    });
    info.anchorId = letterbox;
    workers.push({
      info,
      account,
      recruiter,
      recruitmentId,
      recruitmentDay,
      accommodationId,
      employmentIds,
      lastMonth,
      feeMinor,
      feePaid: rng.chance(0.5) ? 'transfer' : 'cash',
      kickback: rng.chance(0.65) ? 'transfer' : 'cash',
      kickbackPct: rng.int(30, 50),
      sharedPhoneId: shared === null ? null : cell.phoneEntity(shared, 'fi'),
    });
  }
  for (const p of [controller, enforcer, frontDirector, ...recruiters]) p.anchorId = letterbox;

  cell.truth.networks.push({ id: networkId, kind: 'labour', cell: cell.index, controllerIds: [controller.id] });
  const workerIds = (pred: (w: LabourWorker) => boolean) => workers.filter(pred).map((w) => w.info.id);
  cell.truth.subcontractingChains.push(
    { networkId, companyIds: [main, sub, letterbox], workerIds: workerIds(() => true) },
    { networkId, companyIds: [main, sub, successor], workerIds: workerIds((w) => w.lastMonth >= dissolutionMonth) },
  );
  cell.truth.phoenixPairs.push({
    predecessorId: letterbox,
    successorId: successor,
    date: iso(dissolutionDay),
    shared: sameDirector
      ? ['director', 'address', 'phone', 'email', 'contracts', 'workers']
      : ['address', 'phone', 'email', 'contracts', 'workers'],
  });

  return {
    networkId,
    base,
    controller,
    enforcer,
    frontDirector,
    recruiters,
    workers,
    main: { id: main, name: mainName.full, account: mainAcc },
    sub: { id: sub, name: subName.full, account: subAcc },
    letterbox: { id: letterbox, name: lbName.full, account: lbAcc },
    successor: { id: successor, name: succName.full, account: succAcc },
    controllerAccount,
    enforcerAccount,
    recruiterAccounts,
    housing,
    dissolutionMonth,
    dissolutionDay,
    paperWageMinor,
    housingDeductionMinor: 40000,
    transportDeductionMinor: rng.pick([80, 100, 120]) * 100,
    promisedWage,
  };
}

export function nameOf(p: PersonInfo): string {
  return `${p.name.first} ${p.name.last}`;
}
