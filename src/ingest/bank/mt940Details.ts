/**
 * MT940 `:86:` information to the account owner. SWIFT leaves it free (six lines of 65
 * characters), and banks fill it in their own ways. Read here:
 *
 * - German structured (ZKA/DK): a three-digit business code, then subfields `?00` booking
 *   text, `?10` primanota, `?20`–`?29` and `?60`–`?63` remittance (SEPA keywords EREF+,
 *   SVWZ+…), `?30` bank code or BIC, `?31` account or IBAN, `?32`–`?33` name;
 *   Triodos writes the same subfields with `>` instead of `?`;
 * - Dutch/SEPA keyword style: `/TRTP/SEPA OVERBOEKING/IBAN/NL…/BIC/…/NAME/…/REMI/…/EREF/…`
 *   (ING, Rabobank, ABN AMRO SEPA), including Rabobank's `/CNTP/account/BIC/name/city/`;
 * - `/BENM/account` or `/ORDP/account` alone on the first line, then `/name`, `/codes`, `/purpose`
 *   lines (Komercijalna banka Skopje);
 * - Penta (solarisBank): `999TYPE:purpose:name:IBAN`, colon-delimited;
 * - free text, with what Dutch banks put first: an IBAN and the name (ASN, SNS), ABN AMRO's
 *   `GIRO 428428 NAME`, `52.89.39.882 NAME` and card lines `BEA NR:… dd.mm.yy/hh.mm MERCHANT,PAS999`
 *   (payment terminal) or `GEA` (cash machine).
 *
 * Banks wrap at the 65-character line width, in the middle of a word, so structured content
 * is joined without separators. Free text is joined with a space unless the previous line was
 * full (65 characters), which means it was wrapped.
 *
 * Only the structured layouts say who the counterparty is (`structured`): a name guessed from
 * free text is kept as the transaction's counterparty name but never becomes an entity.
 */
import { accountRef, asBic, type AccountRef, type BankHint } from './accounts.ts';

/** Reads an account number (accountRef, or a caching wrapper of it). */
type ReadAccount = (raw: string | undefined, hint?: BankHint) => AccountRef | null;

export interface Details {
  text?: string | undefined;
  name?: string | undefined;
  account?: AccountRef | undefined;
  kind?: string | undefined;
  place?: string | undefined;
  /** The name and account come from a structured layout, not guessed from free text. */
  structured?: boolean | undefined;
}

const LINE_WIDTH = 65;

const squash = (s: string | undefined): string | undefined => s?.replace(/\s+/g, ' ').trim() || undefined;

export function joinWrapped(lines: readonly string[]): string {
  let out = '';
  let previous: string | undefined;
  for (const l of lines) {
    out += previous === undefined || previous.length >= LINE_WIDTH ? l : ` ${l}`;
    previous = l;
  }
  return out;
}

export function parseDetails(lines: readonly string[], readAccount: ReadAccount = accountRef): Details {
  const trimmed = [...lines];
  while (trimmed.length && trimmed[trimmed.length - 1]?.trim() === '') trimmed.pop();
  const glued = trimmed.join('');
  const subfields = /^(?:\d{3})?([?>])\d{2}/.exec(glued);
  if (subfields && (/^\d{3}/.test(glued) || glued.startsWith('?00'))) {
    return { ...german(glued, subfields[1] ?? '?', readAccount), structured: true };
  }
  const party = /^\/(?:BENM|ORDP)\/([^/]+)$/.exec(trimmed[0]?.trim() ?? '');
  if (party && trimmed[1]?.startsWith('/'))
    return { ...partyLines(party[1] ?? '', trimmed, readAccount), structured: true };
  if (/^\/(?:TRTP|IBAN|NAME|REMI|EREF|CNTP|ORDP|BENM|MARF|PREF)\//.test(glued)) {
    return { ...keywords(glued, readAccount), structured: true };
  }
  const colon = colons(glued, readAccount);
  if (colon) return { ...colon, structured: true };
  return freeText(trimmed, readAccount);
}

function german(text: string, mark: string, readAccount: ReadAccount): Details {
  const fields = new Map<number, string>();
  const re = new RegExp(`\\${mark}(\\d{2})`, 'g');
  const marks = [...text.matchAll(re)];
  marks.forEach((m, i) => {
    const code = Number(m[1]);
    const start = (m.index ?? 0) + m[0].length;
    const end = marks[i + 1]?.index ?? text.length;
    fields.set(code, (fields.get(code) ?? '') + text.slice(start, end));
  });
  const range = (from: number, to: number) => {
    let s = '';
    for (let c = from; c <= to; c++) s += fields.get(c) ?? '';
    return s;
  };
  // SEPA keywords mark where one remittance item ends and the next begins.
  const remittance = [range(20, 29), range(60, 99)]
    .map((s) => s.replace(/(?<=\S)(?=(?:EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC)\+)/g, ' '))
    .filter((s) => s.trim() !== '')
    .join(' ');
  const bank = fields.get(30)?.trim();
  const bic = asBic(bank);
  const name = squash(range(32, 33));
  const booking = squash(fields.get(0));
  return {
    text: squash(remittance) ?? booking,
    name,
    account: readAccount(fields.get(31)?.trim(), { bic, bankCode: bic ? undefined : bank || undefined }) ?? undefined,
    kind: booking,
  };
}

/** `/BENM/300000003998473`, `/NAME`, `/codes//reference`, `/purpose…`. */
function partyLines(account: string, lines: readonly string[], readAccount: ReadAccount): Details {
  const rest = lines.slice(2).map((l) => l.replace(/^\//, ''));
  return {
    name: squash(lines[1]?.slice(1)),
    account: readAccount(account.trim()) ?? undefined,
    text: squash(joinWrapped(rest)),
  };
}

const IBAN_LIKE = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;

/** Penta: `999SEPA_CREDIT_TRANSFER:purpose (may hold colons):name:IBAN[:more]`. */
function colons(text: string, readAccount: ReadAccount): Details | null {
  const m = /^\d{3}([A-Z][A-Z_]+):/.exec(text);
  if (!m) return null;
  const parts = text.slice(m[0].length).split(':');
  let at = -1;
  for (let i = parts.length - 1; i >= 1 && at === -1; i--) if (IBAN_LIKE.test(parts[i]?.trim() ?? '')) at = i;
  if (at === -1) return null;
  const extra = parts.slice(at + 1).join(':');
  return {
    kind: m[1],
    name: squash(parts[at - 1]),
    account: readAccount(parts[at]?.trim()) ?? undefined,
    text: squash([parts.slice(0, at - 1).join(':'), extra].filter(Boolean).join(' | ')),
  };
}

const KEYWORDS =
  'TRTP|IBAN|BIC|NAME|REMI|EREF|MARF|CSID|ORDP|BENM|ADDR|CNTP|ULTC|ULTD|ULTB|PURP|RTRN|ISDT|CDTRREF|PREF|NRTX';

function keywords(text: string, readAccount: ReadAccount): Details {
  const values = new Map<string, string>();
  const marks = [...text.matchAll(new RegExp(`/(${KEYWORDS})/`, 'g'))];
  marks.forEach((m, i) => {
    const key = m[1] ?? '';
    const start = (m.index ?? 0) + m[0].length;
    const end = marks[i + 1]?.index ?? text.length;
    // The first occurrence wins: a later /NAME/ belongs to an ordering or ultimate party.
    if (!values.has(key)) values.set(key, text.slice(start, end).replace(/\/+$/, ''));
  });
  let iban = values.get('IBAN');
  let bic = values.get('BIC');
  let name = values.get('NAME');
  const cntp = values.get('CNTP');
  if (cntp !== undefined) {
    // Rabobank: /CNTP/account/BIC/name/city/
    const [acct, cBic, cName] = cntp.split('/');
    iban ??= acct;
    bic ??= cBic;
    name ??= cName;
  }
  // ING writes /REMI/USTD//free text/ and /REMI/STRD/CUR/reference/.
  const remi = values
    .get('REMI')
    ?.replace(/^USTD\/\//, '')
    .replace(/^STRD\/CUR\//, '');
  const eref = values.get('EREF');
  const parts = [remi, eref && eref !== 'NOTPROVIDED' ? `EndToEndId ${eref}` : undefined];
  return {
    text: squash(parts.filter(Boolean).join(' | ')),
    name: squash(name),
    account: readAccount(iban, { bic }) ?? undefined,
    kind: squash(values.get('TRTP')),
  };
}

function freeText(lines: readonly string[], readAccount: ReadAccount): Details {
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1) return {};
  const head = lines[first] ?? '';
  const all = joinWrapped(lines.filter((l) => l.trim() !== ''));

  // ASN/SNS/RegioBank: "NL47INGB9999999999 hr gjlm paulissen", then the description.
  const lead = /^\s*([A-Z]{2}\d{2}[A-Z0-9]{10,30})\s+(.+?)(?:\s{2,}|$)/.exec(head);
  const leadAccount = lead ? readAccount(lead[1]) : null;
  if (lead && leadAccount) {
    const rest = joinWrapped(lines.slice(first + 1).filter((l) => l.trim() !== ''));
    return { text: squash(rest) ?? squash(head), name: squash(lead[2]), account: leadAccount };
  }

  // ABN AMRO card payments (BEA, at a terminal) and cash withdrawals (GEA, at a machine).
  const card = /^(BEA|GEA)\s+NR:\s*(\S+)\s+(\d{2}\.\d{2}\.\d{2}\/\d{2}[.:]\d{2})\s+(.+?)\s*,\s*PAS\s*(\d+)/.exec(all);
  if (card) {
    const where = squash(card[4]);
    return {
      text: squash(all),
      name: card[1] === 'BEA' ? where : undefined,
      kind: card[1] === 'BEA' ? 'card payment' : 'cash withdrawal',
      place: where,
    };
  }

  // ABN AMRO transfers: "GIRO  428428 NAME   …" or "52.89.39.882   NAME".
  const giro = /^GIRO\s+(\d+)\s+(.+?)(?:\s{2,}|$)/.exec(all);
  const domestic = /^(\d{2}\.\d{2}\.\d{2}\.\d{3}|\d{9,10})\s+(.+?)(?:\s{2,}|$)/.exec(all);
  const transfer = giro ?? domestic;
  if (transfer) {
    return {
      text: squash(all),
      name: squash(transfer[2]),
      account: readAccount(transfer[1]) ?? undefined,
      kind: giro ? 'giro transfer' : undefined,
    };
  }
  return { text: squash(all) };
}
