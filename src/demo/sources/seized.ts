/**
 * Seized phones and mailboxes: each network's controller's phone as a WhatsApp chat export (the
 * Android text layout the chat importer reads), chats with his helpers and workers and two
 * innocent ones with family and friends; some workers' phones (a chat with a helper, an innocent
 * one); and mailboxes (mbox) of the controller and of workers who have an address. The text names
 * phones, IBANs and persons of the case — numbers written as people of each language write them,
 * names inflected where the language declines them — and innocent messages talk about money, work
 * and travel. What each message mentions is kept apart as `truth-mentions.json`.
 */
import type { EntityRecord } from '../../domain/records.ts';
import { normalisePhone } from '../../domain/selectors/phone.ts';
import type { GroundTruth } from '../groundTruth.ts';
import { groupIban, ibanFromBban } from '../identifiers.ts';
import { LISTS } from '../nameLists.ts';
import { deriveSeed, Rng } from '../prng.ts';
import { first, slug } from './keys.ts';
import {
  chatLanguageOf,
  INNOCENT_MESSAGES,
  nameIn,
  WORK_MESSAGES,
  type ChatLanguage,
  type Slots,
} from './seizedTexts.ts';

export interface TruthMention {
  kind: 'phone' | 'iban' | 'person';
  /** E.164, IBAN, or the person's name as the case holds it. */
  value: string;
}
export interface TruthMessage {
  file: string;
  /** The message's text as written. */
  text: string;
  /** An innocent message (family, friends, workmates): no indicator language belongs to it. */
  innocent: boolean;
  mentions: TruthMention[];
}
export interface SeizedSources {
  files: { path: string; content: string; format: 'chat' | 'mail' }[];
  truth: TruthMessage[];
}

const COUNTRY_OF_CODE: readonly [string, string][] = [
  ['+358', 'fi'],
  ['+372', 'ee'],
  ['+371', 'lv'],
  ['+370', 'lt'],
  ['+380', 'ua'],
  ['+40', 'ro'],
  ['+48', 'pl'],
];
const LANGUAGE_COUNTRY: Record<ChatLanguage, string> = { lv: 'lv', et: 'ee', fi: 'fi', en: '' };

/** A number as a writer of `lang` types it: nationally when it is the language's own country's. */
function writtenPhone(rng: Rng, e164: string, lang: ChatLanguage): string {
  const [code, country] = COUNTRY_OF_CODE.find(([c]) => e164.startsWith(c)) ?? ['+', ''];
  const nsn = e164.slice(code.length);
  if (country === LANGUAGE_COUNTRY[lang] && rng.chance(0.7)) {
    if (country === 'fi') return `0${nsn.slice(0, 2)} ${nsn.slice(2, 5)} ${nsn.slice(5)}`;
    if (country === 'lv') return rng.chance(0.5) ? nsn : `${nsn.slice(0, 2)} ${nsn.slice(2, 5)} ${nsn.slice(5)}`;
    return `${nsn.slice(0, 4)} ${nsn.slice(4)}`;
  }
  const forms = [e164, `00${e164.slice(1)}`, `${code} ${nsn.slice(0, 2)} ${nsn.slice(2, 5)} ${nsn.slice(5)}`];
  return rng.pick(forms);
}

const e164Of = (raw: string): string => {
  const r = normalisePhone(raw);
  return r.ok ? r.value : '';
};

interface Party {
  id: string;
  name: string;
  nationality: string;
  phone: string;
  email: string;
  iban: string;
}

interface Writer {
  rng: Rng;
  truth: TruthMessage[];
  clock: { t: number };
}

const pad = (n: number) => String(n).padStart(2, '0');
function stamp(t: number): { chat: string; mail: string; mbox: string } {
  const d = new Date(t * 1000);
  const [y, mo, da, h, mi] = [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  ];
  return {
    chat: `${pad(da)}/${pad(mo)}/${y}, ${pad(h)}:${pad(mi)}`,
    mail: d.toUTCString().replace('GMT', '+0000'),
    mbox: d.toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) (\S+) GMT$/, '$1 $3 $2 $5 $4'),
  };
}

/** One work message from `author` to `partner` naming `other`, with what it mentions. */
function workMessage(w: Writer, lang: ChatLanguage, author: Party, partner: Party, other: Party | undefined) {
  const options = WORK_MESSAGES[lang].filter((t) =>
    t.uses.every((u) =>
      u === 'iban' ? !!partner.iban || !!author.iban : u.startsWith('name') ? !!other : u === 'phone' ? true : true,
    ),
  );
  const t = w.rng.pick(options);
  const named = t.uses.some((u) => u.startsWith('name'));
  const phoneOwner = named && t.uses.includes('nameNom') ? other : author;
  const phone = phoneOwner?.phone || author.phone;
  const iban = partner.iban || author.iban;
  const slots: Slots = {
    phone: phone ? writtenPhone(w.rng, phone, lang) : '',
    iban: w.rng.chance(0.6) ? groupIban(iban) : iban,
    amount: String(w.rng.int(3, 25) * 50),
    nameNom: other ? nameIn(other.name, other.nationality, lang, 'nom') : '',
    nameGen: other ? nameIn(other.name, other.nationality, lang, 'gen') : '',
    nameDat: other ? nameIn(other.name, other.nationality, lang, 'dat') : '',
  };
  if (t.uses.includes('phone') && !phone) return null;
  const mentions: TruthMention[] = [];
  for (const u of t.uses) {
    if (u === 'phone') mentions.push({ kind: 'phone', value: phone });
    else if (u === 'iban') mentions.push({ kind: 'iban', value: iban });
    else if (other) mentions.push({ kind: 'person', value: other.name });
  }
  return { text: t.text(slots), mentions };
}

const PLACES: Record<ChatLanguage, readonly string[]> = {
  lv: ['Rīgu', 'Liepāju', 'Jūrmalu'],
  et: ['Tartusse', 'Pärnusse', 'Tallinna'],
  fi: ['Tampereelle', 'Turkuun', 'Ouluun'],
  en: ['Riga', 'Tallinn', 'Helsinki'],
};

function innocentMessage(w: Writer, lang: ChatLanguage, nationality: string) {
  const t = w.rng.pick(INNOCENT_MESSAGES[lang]);
  const country = (['fi', 'ee', 'lv'].includes(nationality) ? nationality : 'fi') as 'fi' | 'ee' | 'lv';
  const mobile =
    country === 'fi'
      ? `+35840${w.rng.digits(7)}`
      : country === 'ee'
        ? `+3725${w.rng.digits(7)}`
        : `+3712${w.rng.digits(7)}`;
  const iban = ibanFromBban('FI', w.rng.digits(14));
  const list = LISTS[nationality as keyof typeof LISTS] ?? LISTS.fi;
  const d = new Date(w.clock.t * 1000 + 86400_000 * w.rng.int(5, 40));
  const text = t.text({
    friend: w.rng.pick(w.rng.chance(0.5) ? list.male : list.female),
    phone: writtenPhone(w.rng, mobile, lang),
    iban: w.rng.chance(0.5) ? groupIban(iban) : iban,
    amount: String(w.rng.int(2, 30) * 10),
    place: w.rng.pick(PLACES[lang]),
    date: `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.`,
  });
  const mentions: TruthMention[] = t.uses.map((u) =>
    u === 'phone' ? { kind: 'phone', value: mobile } : { kind: 'iban', value: iban },
  );
  return { text, mentions };
}

/** A chat export between the phone's owner and a contact, in the Android layout. */
function chatFile(
  w: Writer,
  file: string,
  owner: Party,
  contact: { label: string; party: Party | null; nationality: string },
  others: readonly Party[],
  innocent: boolean,
): string {
  const lang = innocent
    ? chatLanguageOf(owner.nationality)
    : chatLanguageOf(
        owner.nationality === 'fi' || owner.nationality === 'lv' || owner.nationality === 'ee'
          ? owner.nationality
          : contact.nationality,
      );
  const lines = [
    `${stamp(w.clock.t).chat} - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.`,
  ];
  const n = w.rng.int(4, 8);
  for (let i = 0; i < n; i++) {
    w.clock.t += w.rng.int(600, 86400);
    const fromOwner = w.rng.chance(0.6);
    const sender = fromOwner ? (owner.name.split(' ')[0] ?? owner.name) : contact.label;
    const m = innocent
      ? innocentMessage(w, lang, owner.nationality)
      : workMessage(
          w,
          lang,
          fromOwner ? owner : (contact.party ?? owner),
          fromOwner ? (contact.party ?? owner) : owner,
          w.rng.pick(others),
        );
    if (!m) continue;
    lines.push(`${stamp(w.clock.t).chat} - ${sender}: ${m.text}`);
    w.truth.push({ file, text: m.text, innocent, mentions: m.mentions });
  }
  return `${lines.join('\n')}\n`;
}

function mailbox(w: Writer, file: string, owner: Party, partners: readonly Party[], others: readonly Party[]): string {
  const out: string[] = [];
  const lang = chatLanguageOf(owner.nationality);
  for (const [i, p] of partners.entries()) {
    const innocent = i % 3 === 2;
    const m = innocent
      ? innocentMessage(w, lang, owner.nationality)
      : workMessage(w, lang, owner, p, w.rng.pick(others));
    if (!m) continue;
    w.clock.t += w.rng.int(3600, 3 * 86400);
    const s = stamp(w.clock.t);
    out.push(
      `From ${owner.email} ${s.mbox}`,
      `From: ${owner.email}`,
      `To: ${p.email}`,
      `Subject: ${innocent ? 'Re: weekend' : 'Work'}`,
      `Date: ${s.mail}`,
      `Message-ID: <${slug(file)}-${i}@mail.example>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      m.text,
      '',
    );
    w.truth.push({ file, text: m.text, innocent, mentions: m.mentions });
  }
  return out.join('\n');
}

/** The seized phones and mailboxes of a scenario, with what their messages mention. */
export function seizedSources(
  seed: number,
  entities: readonly EntityRecord[],
  truth: GroundTruth,
  ibanOf: ReadonlyMap<string, string>,
  from: string,
): SeizedSources {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const party = (id: string): Party | null => {
    const e = byId.get(id);
    if (e?.schema !== 'Person') return null;
    return {
      id,
      name: first(e, 'name'),
      nationality: first(e, 'nationality'),
      phone: e164Of(first(e, 'phone')),
      email: first(e, 'email'),
      iban: ibanOf.get(id) ?? '',
    };
  };
  const out: SeizedSources = { files: [], truth: [] };
  for (const net of truth.networks) {
    const w: Writer = {
      rng: new Rng(deriveSeed(seed, 'seized', net.id)),
      truth: out.truth,
      clock: { t: Date.parse(`${from}T08:00:00Z`) / 1000 },
    };
    const people = truth.persons
      .filter((p) => p.networkId === net.id && !p.isDuplicateOf)
      .map((p) => ({ truth: p, party: party(p.id) }))
      .filter((p): p is { truth: (typeof p)['truth']; party: Party } => !!p.party);
    const controller = people.find((p) => net.controllerIds.includes(p.truth.id))?.party;
    if (!controller) continue;
    const others = people.map((p) => p.party).filter((p) => p.id !== controller.id);
    if (!others.length) continue;
    const dir = `seized/${slug(controller.name)}`;
    for (const c of w.rng.sample(others, Math.min(4, others.length))) {
      const label = w.rng.chance(0.5) && c.phone ? c.phone.replace(/^(\+\d{3})(\d{2})(\d{3})/, '$1 $2 $3 ') : c.name;
      const file = `${dir}/WhatsApp Chat with ${c.name}.txt`;
      out.files.push({
        path: file,
        format: 'chat',
        content: chatFile(
          w,
          file,
          controller,
          { label, party: c, nationality: c.nationality },
          people.map((p) => p.party),
          false,
        ),
      });
    }
    for (const who of ['family', 'friend']) {
      const file = `${dir}/WhatsApp Chat with ${who}.txt`;
      out.files.push({
        path: file,
        format: 'chat',
        content: chatFile(
          w,
          file,
          controller,
          { label: who === 'family' ? 'Home' : 'Friend', party: null, nationality: controller.nationality },
          [],
          true,
        ),
      });
    }
    const reachable = others.filter((p) => p.email);
    if (controller.email && reachable.length) {
      const file = `${dir}/mailbox.mbox`;
      out.files.push({
        path: file,
        format: 'mail',
        content: mailbox(
          w,
          file,
          controller,
          reachable.slice(0, 6),
          people.map((p) => p.party),
        ),
      });
    }
    // Some workers' phones: a chat with a helper, and one with home.
    const workers = people.filter((p) => p.truth.proceduralStatus !== 'suspect' && p.truth.proceduralStatus !== 'none');
    const helpers = others.filter((p) => people.find((x) => x.party.id === p.id)?.truth.proceduralStatus === 'suspect');
    // Workers whose language declines names first, so each language's forms are in the files.
    const declining = (p: Party) => (['lv', 'ee', 'fi'].includes(p.nationality) ? 0 : 1);
    workers.sort((a, b) => declining(a.party) - declining(b.party));
    for (const wk of workers.filter((_, i) => i % 3 === 0).slice(0, 2)) {
      const helper = helpers[0] ?? controller;
      const wdir = `seized/${slug(wk.party.name)}`;
      const file = `${wdir}/WhatsApp Chat with ${helper.name}.txt`;
      out.files.push({
        path: file,
        format: 'chat',
        content: chatFile(
          w,
          file,
          wk.party,
          { label: helper.name, party: helper, nationality: helper.nationality },
          people.map((p) => p.party),
          false,
        ),
      });
      const home = `${wdir}/WhatsApp Chat with home.txt`;
      out.files.push({
        path: home,
        format: 'chat',
        content: chatFile(
          w,
          home,
          wk.party,
          { label: 'Home', party: null, nationality: wk.party.nationality },
          [],
          true,
        ),
      });
    }
  }
  return out;
}
