/**
 * Sexual exploitation network: women recruited at home by a "boyfriend" recruiter or with a
 * false job offer, moved week by week between hotels in Finnish towns and Tallinn, advertised
 * online with phones the driver holds (shared across victims) and near-identical photos; their
 * cash is deposited in several cities into funnel accounts and swept to the controller, whose
 * front "promo/staffing" company pays hotels and rides (FATF 2018, FinCEN FIN-2020-A008).
 */
import { createHash } from 'node:crypto';
import type { AccountInfo, Cell, PersonInfo } from './cell.ts';
import { P, S, type Nationality } from './constants.ts';
import { iso } from './dates.ts';
import { adAlias, adWording, captureHtml, photoSvg } from './ads.ts';
import { firmEmail, firmName } from './firms.ts';
import { AD_PHONE_FORMS, adPhoneForm } from './identifiers.ts';
import { nameOf } from './labour.ts';
import { AD_SITES, CITIES, hotelName, MERCHANTS, MONEY_TRANSFER_SERVICE, RIDE_HAILING, type City } from './places.ts';
import { deriveSeed } from './prng.ts';
import { writeVictimFacts } from './sexualFacts.ts';
import type { Victim } from './sexualFacts.ts';

const VICTIM_NATS: readonly Nationality[] = ['ro', 'ua', 'lv', 'ee', 'ro', 'ua'];
const TOUR: readonly City[] = [...CITIES.fi.slice(0, 7), ...CITIES.ee.slice(0, 1)];

export function plantSexualNetwork(cell: Cell): { persons: PersonInfo[] } {
  const rng = cell.rng('sexual');
  const networkId = cell.networkId('sexual');
  const s = cell.start;
  const nat = rng.pick(['ro', 'lv', 'ee', 'ua'] as const);
  const home = (country: Nationality | 'fi') =>
    cell.address(rng, rng.pick(CITIES[country]), 'privateHome', { flat: true });

  const controller = cell.person(rng, {
    nat,
    gender: 'male',
    age: [28, 50],
    residence: 'fi',
    status: 'suspect',
    networkId,
    role: 'controller (pimp)',
    functions: ['organiser', 'investor', 'moneyLaunderer'],
    email: true,
    address: home('fi'),
    knownStatus: 'suspect',
  });
  const recruiter = cell.person(rng, {
    nat,
    gender: 'male',
    age: [21, 34],
    status: 'suspect',
    networkId,
    role: 'recruiter ("boyfriend")',
    functions: ['recruiter', 'transporter'],
    address: home(nat),
  });
  const driver = cell.person(rng, {
    nat,
    gender: 'male',
    age: [24, 46],
    residence: 'fi',
    status: 'suspect',
    networkId,
    role: 'driver and guard',
    functions: ['enforcer', 'transporter', 'accommodationProvider'],
    address: home('fi'),
  });
  const mule = cell.person(rng, {
    nat,
    gender: rng.chance(0.7) ? 'female' : 'male',
    age: [20, 40],
    residence: 'fi',
    status: 'suspect',
    networkId,
    role: 'cash courier and straw director',
    functions: ['moneyHandler', 'frontDirector'],
    address: home('fi'),
  });
  const client = cell.person(rng, {
    nat: 'fi',
    gender: 'male',
    age: [30, 65],
    status: 'witness',
    networkId: null,
    role: 'client identified from a bank transfer',
    functions: ['client'],
    address: home('fi'),
  });

  // Work phones: held by the driver, printed in the ads of several women.
  const workPhones = [cell.newPhone(rng, 'fi'), cell.newPhone(rng, rng.chance(0.5) ? 'ee' : 'fi')];
  const adEmail = cell.newEmail(
    rng,
    `${rng.pick(['sweet', 'vip', 'angel'])}.${rng.pick(['girls', 'dates', 'night'])}`,
    'ee',
  );

  const frontName = firmName(rng, 'ee', 'promo');
  const front = cell.company(rng, {
    name: frontName.full,
    country: 'ee',
    incorporationDay: s - rng.int(200, 900),
    nature: 'staffingFront',
    networkId,
    role: 'front company paying hotels and rides',
    address: cell.address(rng, CITIES.ee[0] ?? rng.pick(CITIES.ee), 'registeredOfficeOnly'),
    phone: controller.phone,
    email: firmEmail(rng, frontName.core),
  });
  cell.link(S.Directorship, { [P.director]: [mule.id], [P.organization]: [front], [P.startDate]: [iso(s - 150)] });
  cell.link(S.Ownership, { [P.owner]: [mule.id], [P.asset]: [front] });
  cell.link(S.Associate, { [P.person]: [controller.id], [P.associate]: [driver.id] });

  const apartmentCity = rng.pick(CITIES.fi.slice(0, 4));
  const apartment = cell.address(rng, apartmentCity, 'brothelApartment', { flat: true });

  // Victims.
  const count = rng.int(3, 5);
  const victims: Victim[] = [];
  for (let i = 0; i < count; i++) {
    const vNat = i === 0 ? nat : rng.pick(VICTIM_NATS);
    const info = cell.person(rng, {
      nat: vNat,
      gender: 'female',
      age: [19, 29],
      residence: 'fi',
      status: i === count - 1 ? 'presumedVictim' : 'victim',
      networkId,
      role: 'woman exploited in prostitution',
      phone: rng.chance(0.5) ? 'own' : null,
      passport: rng.chance(0.6),
      idNumber: rng.chance(0.5),
      address: home(vNat),
      knownStatus: i === 0 ? 'victim' : undefined,
    });
    info.anchorId = controller.id;
    const firstWeek = i === 0 ? 0 : rng.int(0, 24);
    const recruitmentDay = s + firstWeek * 7 - rng.int(10, 60);
    const recruitmentId = cell.link(S.Recruitment, {
      [P.recruiter]: [recruiter.id],
      [P.recruited]: [info.id],
      [P.date]: [iso(recruitmentDay)],
      [P.place]: [rng.pick(CITIES[vNat]).name],
      [P.promisedJob]: [rng.pick(['waitress in a Helsinki restaurant', 'hotel cleaner', 'dancer in a club', null])],
      [P.promisedWage]: [rng.chance(0.5) ? `${rng.int(15, 25) * 100} EUR/month` : null],
    });
    if (i < 2)
      cell.link(S.Accommodation, {
        [P.resident]: [info.id],
        [P.housingAddress]: [apartment.id],
        [P.housedBy]: [driver.id],
        [P.startDate]: [iso(s + firstWeek * 7)],
      });
    const phone = workPhones[i % 2] ?? workPhones[0] ?? '';
    victims.push({
      info,
      alias: adAlias(rng),
      firstWeek,
      recruitmentId,
      adIds: [],
      phoneId: cell.phoneEntity(phone, phone.startsWith('+372') ? 'ee' : 'fi'),
      deposits: [],
    });
  }
  const first = victims[0];
  if (first)
    cell.link(S.Control, {
      [P.controller]: [controller.id],
      [P.controlled]: [first.info.id],
      [P.kind]: ["pimping, from the victim's statement"],
    });

  // Accounts: two funnel accounts (the courier's and one opened in the first victim's name).
  const controllerAcc = cell.account(rng, {
    holderId: controller.id,
    holderName: nameOf(controller),
    country: 'ee',
    nature: 'controller',
    openingDay: s - 1200,
  });
  const frontAcc = cell.account(rng, {
    holderId: front,
    holderName: frontName.full,
    country: 'ee',
    nature: 'frontCompany',
    openingDay: s - 140,
  });
  const funnels: AccountInfo[] = [
    cell.account(rng, {
      holderId: mule.id,
      holderName: nameOf(mule),
      country: 'fi',
      nature: 'funnel',
      openingDay: s - 30,
    }),
    cell.account(rng, {
      holderId: first?.info.id ?? mule.id,
      holderName: first ? nameOf(first.info) : nameOf(mule),
      country: 'lv',
      nature: 'funnel',
      openingDay: s - 20,
    }),
  ];
  const clientAcc = cell.account(rng, {
    holderId: client.id,
    holderName: nameOf(client),
    country: 'fi',
    nature: 'clean',
    openingDay: s - 5000,
  });

  // Weekly tour: where each woman is, the hotel the front company pays, the cash deposited.
  const hotels = new Map<string, { id: string; name: string }>();
  const hotelRefs = new Map<Victim, string[]>();
  const cities = new Map<Victim, Set<string>>();
  const price = rng.pick([100, 120, 150]);
  for (let w = 0; w < 52; w++) {
    const active = victims.filter((v) => v.firstWeek <= w);
    const weekDay = s + w * 7;
    const swept = [0, 0];
    for (const [k, v] of active.entries()) {
      const city = TOUR[(w + k * 4) % TOUR.length] ?? TOUR[0];
      if (!city) continue;
      let hotel = hotels.get(city.name);
      if (!hotel) {
        const name = hotelName(rng, city);
        const addr = cell.address(rng, city, 'hotel');
        hotel = {
          id: cell.company(rng, {
            name,
            country: city.country,
            incorporationDay: s - rng.int(3000, 9000),
            address: addr,
            nature: 'legitimate',
            networkId: null,
            role: 'hotel used on the tour',
          }),
          name,
        };
        hotels.set(city.name, hotel);
      }
      const hotelRef = cell.external(frontAcc, -rng.int(380, 820) * 100, weekDay + 1, {
        kind: 'card',
        counterpartyName: hotel.name,
        place: city.name,
      });
      const seen = hotelRefs.get(v);
      if (seen) seen.push(hotelRef);
      else hotelRefs.set(v, [hotelRef]);
      const been = cities.get(v);
      if (been) been.add(city.name);
      else cities.set(v, new Set([city.name]));
      // Cash from the week's clients, deposited below €2,000 at a branch in that town.
      const fi = k % 2;
      const funnel = funnels[fi] ?? funnels[0];
      if (!funnel) continue;
      const amount = rng.int(6, 19) * 10000;
      const dayOfDeposit = weekDay + rng.int(4, 6);
      const ref = cell.external(funnel, amount, dayOfDeposit, {
        kind: 'cash-deposit',
        text: 'Cash deposit',
        place: city.name,
      });
      v.deposits.push(ref);
      swept[fi] = (swept[fi] ?? 0) + amount;
      cell.truth.proceeds.push({
        victimId: v.info.id,
        kind: 'sexualServices',
        amountMinor: amount,
        currency: 'EUR',
        date: iso(dayOfDeposit),
        beneficiaryId: controller.id,
        transactionRef: ref,
      });
    }
    // Swept to the controller within a few days.
    for (const [fi, total] of swept.entries()) {
      const funnel = funnels[fi];
      if (funnel && total > 0)
        cell.transfer(
          funnel,
          controllerAcc,
          Math.floor((total * 0.97) / 10000) * 10000,
          weekDay + 8,
          rng.pick(['laen', 'loan', 'return']),
        );
    }
    if (w % 4 === 1)
      cell.external(frontAcc, -rng.int(1500, 6000), weekDay + 2, {
        kind: 'card',
        counterpartyName: RIDE_HAILING,
        place: 'Helsinki',
      });
  }

  // Ads, their captures and the photo groups.
  for (const [i, v] of victims.entries()) {
    const adCount = rng.int(2, 4);
    const photoSeed = deriveSeed(cell.seed, cell.index, 'photo', i);
    const age = Math.floor((s - v.info.birthDay) / 365.25);
    for (let k = 0; k < adCount; k++) {
      const site = rng.pick(AD_SITES);
      const city = TOUR[(v.firstWeek + k * 5 + i) % TOUR.length] ?? TOUR[0];
      if (!city) continue;
      const phone = workPhones[(i + (k === adCount - 1 ? 1 : 0)) % 2] ?? '';
      const shown = adPhoneForm(phone, phone.startsWith('+372') ? 'ee' : 'fi', rng.int(0, AD_PHONE_FORMS - 1));
      const words = adWording(rng, v.alias, age, v.info.nat, city.name);
      const published = iso(s + (v.firstWeek + k * 5) * 7);
      const siteAdId = rng.digits(7);
      const url = `https://${site}/ad/${siteAdId}`;
      const email = rng.chance(0.4) ? adEmail : null;
      const html = captureHtml({
        ...words,
        site,
        url,
        location: city.name,
        publishedAt: published,
        phone: shown,
        email,
        price: String(price),
        photo: photoSvg(photoSeed, k),
      });
      const adId = cell.entity('ad', S.OnlineAd, {
        [P.title]: [words.title],
        [P.text]: [words.text],
        [P.url]: [url],
        [P.site]: [site],
        [P.adId]: [siteAdId],
        [P.publishedAt]: [published],
        [P.capturedAt]: [iso(s + (v.firstWeek + k * 5) * 7 + rng.int(1, 6))],
        [P.language]: [words.lang === 'fi' ? 'fin' : 'eng'],
        [P.phone]: [shown],
        [P.email]: [email],
        [P.price]: [String(price)],
        [P.currency]: ['EUR'],
        [P.location]: [city.name],
        [P.captureSha256]: [createHash('sha256').update(html, 'utf8').digest('hex')],
      });
      v.adIds.push(adId);
      cell.captures.push({ adId, mimeType: 'text/html', html, photo: { seed: photoSeed, variant: k } });
    }
    cell.truth.adPhotoGroups.push({ groupId: `${cell.ids.prefix}photo${i}`, victimId: v.info.id, adIds: v.adIds });
  }

  // Monthly: ad sites and hosting, the controller's "invoices" to his front, money sent home.
  for (let m = 0; m < 12; m++) {
    for (const site of rng.sample(AD_SITES, 2))
      cell.external(controllerAcc, -rng.int(49, 199) * 100, cell.day(m, 3), { kind: 'card', counterpartyName: site });
    cell.transfer(controllerAcc, frontAcc, rng.int(25, 45) * 10000, cell.day(m, 10), `Arve ${rng.digits(4)}`);
    cell.external(controllerAcc, -rng.int(5, 15) * 10000, cell.day(m, 18), {
      kind: 'transfer',
      counterpartyName: MONEY_TRANSFER_SERVICE,
      text: 'Remittance',
    });
    cell.external(controllerAcc, -rng.int(3000, 30000), cell.day(m, rng.int(1, 28)), {
      kind: 'card',
      counterpartyName: rng.pick(MERCHANTS.fi),
      place: 'Helsinki',
    });
    cell.external(clientAcc, rng.int(3200, 4100) * 100, cell.day(m, 25), {
      kind: 'salary',
      counterpartyName: 'Työnantaja Oy',
      text: 'PALKKA',
    });
    cell.external(clientAcc, -rng.int(800, 9000), cell.day(m, rng.int(1, 28)), {
      kind: 'card',
      counterpartyName: rng.pick(MERCHANTS.fi),
    });
  }
  cell.transfer(clientAcc, funnels[0] ?? controllerAcc, 15000, s + 40, 'hieronta');

  cell.truth.networks.push({ id: networkId, kind: 'sexual', cell: cell.index, controllerIds: [controller.id] });
  for (const v of victims)
    writeVictimFacts(cell, v, {
      controller,
      driver,
      recruiter,
      funnel: funnels[0]?.id ?? '',
      hotelRefs: hotelRefs.get(v) ?? [],
      cities: [...(cities.get(v) ?? [])],
    });
  for (const p of [controller, recruiter, driver, mule]) p.anchorId = front;
  return { persons: [controller, recruiter, driver, mule, ...victims.map((v) => v.info)] };
}
