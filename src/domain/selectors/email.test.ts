import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './email.ts';

const value = (raw: string): string | undefined => {
  const r = normaliseEmail(raw);
  return r.ok ? r.value : undefined;
};

describe('normaliseEmail', () => {
  it.each([
    ['  John.Doe+tag@Example.COM ', 'john.doe+tag@example.com'],
    ['j.doe@gmail.com', 'j.doe@gmail.com'],
    ['jdoe+x@gmail.com', 'jdoe+x@gmail.com'],
    ['mailto:Anna@Inbox.LV', 'anna@inbox.lv'],
    ['<anna@inbox.lv>', 'anna@inbox.lv'],
    ['jānis@pasts.lv', 'jānis@pasts.lv'],
    ['a@münchen.de', 'a@xn--mnchen-3ya.de'],
    ['a@xn--mnchen-3ya.de', 'a@xn--mnchen-3ya.de'],
    ['x@пример.рф', 'x@xn--e1afmkfd.xn--p1ai'],
    ['first_last-1@sub.domain.co.uk', 'first_last-1@sub.domain.co.uk'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseEmail(raw)).toEqual({ ok: true, value: expected });
  });

  it('keeps dots and plus tags, which may distinguish different mailboxes', () => {
    expect(value('j.doe@example.com')).not.toBe(value('jdoe@example.com'));
    expect(value('jdoe+x@example.com')).not.toBe(value('jdoe@example.com'));
  });

  it.each([
    ['', /empty/],
    ['anna.inbox.lv', /no "@"/],
    ['anna@inbox', /top-level domain/],
    ['anna@inbox.l', /top-level domain/],
    ['anna@inbox.123', /top-level domain/],
    ['@inbox.lv', /before "@"/],
    ['an na@inbox.lv', /before "@"/],
    ['a@@inbox.lv', /before "@"/],
    ['.anna@inbox.lv', /dots/],
    ['an..na@inbox.lv', /dots/],
    ['anna@-inbox.lv', /domain/],
    ['anna@inbox..lv', /domain/],
    ['anna@in_box.lv', /domain/],
  ])('rejects %j', (raw, reason) => {
    const r = normaliseEmail(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('accepts RFC addresses, ignoring case and surrounding whitespace', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.constantFrom('', ' ', '\t', ' \n'), (email, pad) => {
        const lower = email.toLowerCase();
        expect(value(email)).toBe(lower);
        expect(value(pad + email.toUpperCase() + pad)).toBe(lower);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.emailAddress(),
          fc.string(),
          fc.string().map((s) => `${s}@${s}.lv`),
        ),
        (raw) => {
          const v = value(raw);
          if (v !== undefined) expect(value(v)).toBe(v);
        },
      ),
    );
  });
});
