/**
 * E-mail addresses → trimmed, lower-case.
 *
 * The whole address is lower-cased, local part included. RFC 5321 lets a server treat the local
 * part case-sensitively, but no mainstream provider does, and for an investigator a missed
 * match costs more than a false one. Dots and +tags are kept: whether "j.doe+x@" reaches
 * "jdoe@" depends on the provider, so folding them would merge different people's addresses.
 */
import { fail, ok } from './result.ts';
import type { SelectorResult } from './result.ts';
import { untilStable } from './text.ts';

/** Local part: anything printable except whitespace and "@" (quoted local parts are not supported). */
const localPart = /^[^\s@"<>()[\]\\,;:]{1,64}$/u;
/** A domain label: letters (any script, for IDNs), digits, inner hyphens. */
const domainLabel = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
/** The top-level domain: letters only, at least two (or an IDN "xn--" label). */
const tld = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

function clean(raw: string): string {
  let email = raw.normalize('NFKC').trim().toLowerCase().normalize('NFKC');
  // Values copied from mail headers or links: "<a@b.lv>", "mailto:a@b.lv".
  if (email.startsWith('<') && email.endsWith('>')) email = email.slice(1, -1).trim();
  if (email.startsWith('mailto:')) email = email.slice('mailto:'.length);
  return email;
}

export function normaliseEmail(raw: string): SelectorResult {
  const email = untilStable(clean, raw);
  if (email === '') return fail('empty e-mail address');

  const at = email.lastIndexOf('@');
  if (at < 0) return fail('e-mail address has no "@"');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!localPart.test(local)) return fail('e-mail address has an invalid part before "@"');
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return fail('e-mail address has misplaced dots before "@"');
  }

  const labels = domain.split('.');
  const last = labels[labels.length - 1];
  if (labels.length < 2 || last === undefined || !tld.test(last)) {
    return fail('e-mail domain needs a top-level domain (like ".lv")');
  }
  if (domain.length > 253 || !labels.every((l) => domainLabel.test(l))) {
    return fail('e-mail address has an invalid domain');
  }
  const ascii = asciiDomain(domain);
  if (ascii === undefined) return fail('e-mail address has an invalid domain');
  return ok(`${local}@${ascii}`);
}

/**
 * Internationalised domains are stored in their ASCII (punycode) form, the one DNS and most
 * mail headers use, so "a@münchen.de" and "a@xn--mnchen-3ya.de" meet. The WHATWG URL parser
 * does the IDNA mapping (pure computation, no lookup).
 */
function asciiDomain(domain: string): string | undefined {
  if (/^[a-z0-9.-]*$/.test(domain)) return domain;
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return undefined;
  }
}
