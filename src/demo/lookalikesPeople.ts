/**
 * Honest people who look like the planted ones (confounders): independent advertisers on the
 * same ad sites as the exploited women, each with an own phone but with near-identical stock
 * photos (the photo match that groups a network's ads meets them too), and namesakes — other
 * people with exactly the name of someone in the case, born on another day.
 */
import { createHash } from 'node:crypto';
import type { Cell, PersonInfo } from './cell.ts';
import { P, S, type Nationality } from './constants.ts';
import { iso } from './dates.ts';
import { captureHtml, photoSvg } from './ads.ts';
import { AD_PHONE_FORMS, adPhoneForm } from './identifiers.ts';
import { nameOf } from './labour.ts';
import { earner, wageAndSpending } from './lookalikesMoney.ts';
import { countryOfPhone } from './personRecord.ts';
import { AD_SITES, CITIES } from './places.ts';
import { deriveSeed, type Rng } from './prng.ts';
import { LOOKALIKES_PER_CELL, RATES } from './rates.ts';

/** Stock photos per cell that advertisers pick from (fewer than advertisers: some are bound to share). */
const STOCK_PHOTOS = 2;

const OFFERS: readonly { lang: 'fi' | 'en' | 'et'; title: string; text: string }[] = [
  {
    lang: 'fi',
    title: 'Rentouttava hieronta – {alias}, {city}',
    text: 'Klassista ja rentouttavaa hierontaa omassa rauhallisessa studiossa. Ajanvaraus puhelimella.',
  },
  {
    lang: 'en',
    title: 'Independent companion {alias}, {city}',
    text: 'Mature independent lady, my own apartment, no agency. Call or text to book, ID may be asked.',
  },
  {
    lang: 'et',
    title: 'Massaaž ja lõõgastus – {alias}, {city}',
    text: 'Lõõgastav massaaž minu stuudios. Helista või saada sõnum, vastan ise.',
  },
  {
    lang: 'en',
    title: 'Tantric massage by {alias} – {city}',
    text: 'Certified therapist, 10 years in {city}. Appointments only, I answer the phone myself.',
  },
];

const ALIASES = ['Anna', 'Marja', 'Kati', 'Jelena', 'Sanna', 'Liis', 'Inga', 'Heidi'];

export interface Advertiser {
  info: PersonInfo;
  /** E.164 number printed in the ads (own, or the family's shared one). */
  phone: string;
}

function writeAd(cell: Cell, rng: Rng, a: Advertiser, stockSeed: number, copy: number): string {
  const site = rng.pick(AD_SITES);
  const offer = rng.pick(OFFERS);
  const alias = rng.pick(ALIASES);
  const city = rng.pick(CITIES.fi.slice(0, 7));
  const fill = (t: string) => t.replaceAll('{alias}', alias).replaceAll('{city}', city.name);
  const title = fill(offer.title);
  const text = fill(offer.text);
  const shown = adPhoneForm(a.phone, countryOfPhone(a.phone), rng.int(0, AD_PHONE_FORMS - 1));
  const publishedDay = cell.start + rng.int(0, 330);
  const siteAdId = rng.digits(7);
  const url = `https://${site}/ad/${siteAdId}`;
  const price = String(rng.pick([70, 80, 90, 120, 150]));
  const html = captureHtml({
    title,
    text,
    site,
    url,
    location: city.name,
    publishedAt: iso(publishedDay),
    phone: shown,
    email: null,
    price,
    lang: offer.lang,
    photo: photoSvg(stockSeed, copy),
  });
  const adId = cell.entity('ad', S.OnlineAd, {
    [P.title]: [title],
    [P.text]: [text],
    [P.url]: [url],
    [P.site]: [site],
    [P.adId]: [siteAdId],
    [P.publishedAt]: [iso(publishedDay)],
    [P.capturedAt]: [iso(publishedDay + rng.int(1, 6))],
    [P.language]: [offer.lang === 'fi' ? 'fin' : offer.lang === 'et' ? 'est' : 'eng'],
    [P.phone]: [shown],
    [P.price]: [price],
    [P.currency]: ['EUR'],
    [P.location]: [city.name],
    [P.captureSha256]: [createHash('sha256').update(html, 'utf8').digest('hex')],
  });
  cell.captures.push({ adId, mimeType: 'text/html', html, photo: { seed: stockSeed, variant: copy } });
  return adId;
}

/**
 * Independent advertisers (massage therapists, an independent escort): `extra` are people who
 * advertise with a phone they already have (a family's shared number); the rest are new people
 * with their own numbers, up to `LOOKALIKES_PER_CELL` in all.
 */
export function plantAdvertisers(cell: Cell, extra: readonly Advertiser[]): PersonInfo[] {
  const rng = cell.rng('lookalike-advertisers');
  const stock = Array.from({ length: STOCK_PHOTOS }, (_, k) => deriveSeed(cell.seed, cell.index, 'stock-photo', k));
  const advertisers: Advertiser[] = [...extra];
  const created: PersonInfo[] = [];
  while (advertisers.length < LOOKALIKES_PER_CELL) {
    const nat = rng.pick(['fi', 'fi', 'ee', 'lv'] as const satisfies readonly Nationality[]);
    const city = rng.pick(CITIES.fi.slice(0, 7));
    const e = earner(cell, rng, {
      nat,
      role: 'independent advertiser (massage or escort, working for herself)',
      address: cell.address(rng, city, 'privateHome', { flat: true }),
      age: [24, 52],
    });
    advertisers.push({ info: e.info, phone: e.info.phone ?? cell.newPhone(rng, 'fi') });
    created.push(e.info);
    for (let m = 0; m < 12; m++) {
      // Self-employed: clients pay by card terminal or cash; bank deposits now and then.
      cell.external(e.account, rng.int(800, 2600) * 100, cell.day(m, rng.int(1, 28)), {
        kind: 'transfer',
        counterpartyName: 'Korttimaksut / Card acquiring',
        text: 'Tilitys',
      });
      if (rng.chance(0.5))
        cell.external(e.account, rng.int(20, 90) * 1000, cell.day(m, rng.int(1, 28)), {
          kind: 'cash-deposit',
          text: 'Cash deposit',
          place: city.name,
        });
    }
  }
  let copy = 20;
  for (const a of advertisers) {
    const adIds: string[] = [];
    const photo = rng.pick(stock);
    for (let k = rng.int(1, 3); k > 0; k--) adIds.push(writeAd(cell, rng, a, photo, copy++));
    cell.truth.confounders.push({
      kind: 'independentAdvertiser',
      entityIds: [a.info.id, ...adIds],
      why: 'Advertises her own services on the same sites as the network, with her own phone and a stock photo that other advertisers use too; nobody else controls the ads, the phone or the money',
    });
  }
  return created;
}

/** A birth day 1–25 years from `day`, never the same, keeping the person an adult. */
function otherBirthDay(cell: Cell, rng: Rng, day: number): number {
  const shift = rng.int(365, 25 * 365);
  const older = day - shift;
  const younger = day + shift;
  return younger <= cell.start - 19 * 365 && rng.chance(0.5) ? younger : older;
}

/** Same given name and surname as someone in the case, another person: other birth date, other identifiers. */
export function plantNamesakes(cell: Cell, originals: readonly PersonInfo[]): PersonInfo[] {
  const rng = cell.rng('lookalike-namesakes');
  const pool = originals.filter((p) => p.networkId !== null || p.status !== 'none');
  const chosen = rng.sample(pool.length >= LOOKALIKES_PER_CELL ? pool : originals, LOOKALIKES_PER_CELL);
  const out: PersonInfo[] = [];
  for (const original of chosen) {
    const residence = original.residence === 'fi' || rng.chance(0.5) ? 'fi' : original.residence;
    const city = rng.pick(CITIES.fi);
    const info = cell.person(rng, {
      nat: original.nat,
      gender: original.gender,
      age: [19, 70],
      residence,
      status: 'none',
      networkId: null,
      role: `namesake of someone in the case`,
      surname: original.name.last,
      firstName: original.name.first,
      address: cell.address(rng, city, 'privateHome', { flat: rng.chance(0.5) }),
      passport: original.nat !== 'fi' && rng.chance(0.5),
      birthDate: !rng.chance(RATES.missingBirthDate),
      birthDay: otherBirthDay(cell, rng, original.birthDay),
    });
    // The drawn name keeps the original's native spelling only if it has one.
    if (original.name.firstNative !== undefined && original.name.lastNative !== undefined) {
      info.name.firstNative = original.name.firstNative;
      info.name.lastNative = original.name.lastNative;
    }
    const acc = cell.account(rng, {
      holderId: info.id,
      holderName: nameOf(info),
      country: 'fi',
      nature: 'clean',
      openingDay: cell.start - rng.int(200, 5000),
    });
    const net = rng.int(2300, 3800) * 100;
    for (let m = 0; m < 12; m++)
      wageAndSpending(cell, rng, { info, account: acc }, 'Kaupunki / Kommun', net, m, city.name);
    cell.truth.confounders.push({
      kind: 'namesake',
      // Only the innocent namesake is listed: confounders name innocent entities; the original is in the text.
      entityIds: [info.id],
      why: `Has exactly the name of ${nameOf(original)} (${original.id}) from the case but is another person: other birth date, other identifiers, no link to the case`,
    });
    out.push(info);
  }
  return out;
}
