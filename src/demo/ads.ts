/**
 * Online sex-service ads as an investigator would capture them: a small self-contained HTML page
 * with the ad text, contact details and a photo. Photos are drawn as SVG from a per-victim seed;
 * each ad of one victim gets a near-identical copy (one pixel recoloured, a 1 px shift), which is
 * what perceptual-hash matching has to catch, while other victims' photos differ throughout.
 */
import { Rng } from './prng.ts';

const PALETTES: readonly (readonly [string, string, string, string])[] = [
  ['#f4e1d2', '#c98b6b', '#3b2a20', '#8e3b46'],
  ['#e8eef2', '#d2a27c', '#1f1a17', '#2f5d8a'],
  ['#f2e6f0', '#e0b597', '#6b4226', '#6a2c70'],
  ['#efe9d8', '#b88462', '#2b1d14', '#1e6f5c'],
  ['#fbe7e1', '#d9a384', '#a0522d', '#b23a48'],
];

/**
 * The photo of one victim (`photoSeed`) in its `variant`-th copy. Variant 0 is the original;
 * others differ by one recoloured pixel and a one-pixel shift of the frame.
 */
export function photoSvg(photoSeed: number, variant: number): string {
  const rng = new Rng(photoSeed);
  const [bg, skin, hair, dress] = rng.pick(PALETTES);
  const hx = rng.int(100, 140);
  const hy = rng.int(80, 110);
  const tilt = rng.int(-12, 12);
  const lamp = rng.int(20, 200);
  const bed = rng.int(210, 260);
  const shift = variant === 0 ? 0 : 1;
  const pixel =
    variant === 0
      ? ''
      : `<rect x="${(variant * 37) % 240}" y="${(variant * 53) % 320}" width="1" height="1" fill="#${((variant * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="320" viewBox="0 0 240 320">` +
    `<rect width="240" height="320" fill="${bg}"/>` +
    `<g transform="translate(${shift} 0)">` +
    `<rect x="0" y="${bed}" width="240" height="${320 - bed}" fill="#ddd6cf"/>` +
    `<circle cx="${lamp}" cy="40" r="14" fill="#fff4c2"/>` +
    `<g transform="rotate(${tilt} ${hx} ${hy})">` +
    `<ellipse cx="${hx}" cy="${hy - 8}" rx="40" ry="46" fill="${hair}"/>` +
    `<ellipse cx="${hx}" cy="${hy}" rx="30" ry="38" fill="${skin}"/>` +
    `<path d="M${hx - 55} 320 Q${hx - 50} ${hy + 60} ${hx} ${hy + 55} Q${hx + 50} ${hy + 60} ${hx + 55} 320 Z" fill="${dress}"/>` +
    `</g></g>${pixel}</svg>`
  );
}

export interface AdPage {
  title: string;
  text: string;
  site: string;
  url: string;
  location: string;
  publishedAt: string;
  phone: string;
  email: string | null;
  price: string;
  lang: string;
  photo: string;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function captureHtml(ad: AdPage): string {
  const img = `data:image/svg+xml;base64,${Buffer.from(ad.photo, 'utf8').toString('base64')}`;
  const e = escapeHtml;
  return [
    '<!DOCTYPE html>',
    `<html lang="${e(ad.lang)}"><head><meta charset="utf-8"><title>${e(ad.title)} – ${e(ad.site)}</title>`,
    `<meta name="capture-source" content="${e(ad.url)}"></head><body>`,
    `<header><a href="https://${e(ad.site)}/">${e(ad.site)}</a></header>`,
    `<article class="ad"><h1>${e(ad.title)}</h1>`,
    `<p class="meta">${e(ad.location)} · ${e(ad.publishedAt)}</p>`,
    `<img class="photo" alt="" width="240" height="320" src="${img}">`,
    `<p class="text">${e(ad.text)}</p>`,
    `<ul class="contact"><li class="phone">${e(ad.phone)}</li>${ad.email ? `<li class="email">${e(ad.email)}</li>` : ''}<li class="price">${e(ad.price)} EUR / 1 h</li></ul>`,
    '</article></body></html>',
  ].join('\n');
}

const ALIASES = ['Nika', 'Bella', 'Sofi', 'Alisa', 'Mia', 'Lana', 'Kira', 'Vika', 'Dora', 'Lili', 'Eva', 'Roxy'];
const NAT_ADJ: Record<string, string> = {
  ro: 'Romanian',
  ua: 'Ukrainian',
  lv: 'Latvian',
  ee: 'Estonian',
  pl: 'Polish',
  fi: 'Finnish',
};

export function adAlias(rng: Rng): string {
  return rng.pick(ALIASES);
}

/** Ad title and body in Finnish or English, as such ads are written. */
export function adWording(
  rng: Rng,
  alias: string,
  age: number,
  nat: string,
  city: string,
): { title: string; text: string; lang: string } {
  const adj = NAT_ADJ[nat] ?? 'European';
  if (rng.chance(0.4)) {
    return {
      lang: 'fi',
      title: `Uusi kaupungissa: ${alias} ${age}v – ${city}`,
      text: `Hei, olen ${alias}, ${age}-vuotias. Vain muutama päivä täällä (${city}). Diskreetti, oma rauhallinen paikka. Soita tai tekstaa.`,
    };
  }
  return {
    lang: 'en',
    title: `${rng.pick(['New', 'Sweet', 'Only this week'])}: ${adj} ${alias}, ${age} – ${city}`,
    text: `Hi, I am ${alias}, ${age} years, ${adj}. Visiting ${city} for a few days only. Discreet place, incall/outcall. SMS or WhatsApp.`,
  };
}
