import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError, type ErrorCode } from '../../shared/errors.ts';
import {
  MAX_VALUES_PER_PROPERTY,
  isIsoDatePrefix,
  listSchemata,
  propertiesOf,
  validateProperties,
  type PropertyType,
  type ValidateOptions,
} from './index.ts';

/** Runs validateProperties and returns the AppError it throws. */
function failure(schema: string, properties: unknown, opts?: ValidateOptions): AppError {
  try {
    validateProperties(schema, properties, opts);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected validateProperties to throw');
}

function expectError(code: ErrorCode, path: string, schema: string, properties: unknown, opts?: ValidateOptions) {
  const e = failure(schema, properties, opts);
  expect({ code: e.code, path: e.path }).toEqual({ code, path });
}

describe('validateProperties: cleaning', () => {
  it('trims, drops empty values, removes duplicates and wraps a lone string', () => {
    const out = validateProperties('Person', {
      name: ['  Ana Pop ', 'Ana Pop', '', '   ', 'Anna Pop'],
      alias: 'Ani',
      notes: [],
      birthDate: ['1990-04-01'],
    });
    expect(out).toEqual({ name: ['Ana Pop', 'Anna Pop'], alias: ['Ani'], birthDate: ['1990-04-01'] });
  });

  it('accepts an entity of every concrete schema that has just its required properties', () => {
    const sample: Partial<Record<PropertyType, string>> = {
      entity: 'id-1',
      phone: '+43 660 1234567',
      email: 'a@b.eu',
      text: 'x',
    };
    for (const s of listSchemata().filter((x) => !x.abstract)) {
      const defs = propertiesOf(s.name);
      const props = Object.fromEntries((s.required ?? []).map((r) => [r, sample[defs[r]?.type ?? 'string'] ?? 'x']));
      expect(validateProperties(s.name, props), s.name).toEqual(
        Object.fromEntries(Object.entries(props).map(([k, v]) => [k, [v]])),
      );
    }
  });

  it('accepts typical FtM entities', () => {
    expect(
      validateProperties('Payment', { payer: 'p1', beneficiary: 'p2', amount: '1500.50', currency: 'EUR' }),
    ).toMatchObject({ amount: ['1500.50'] });
    expect(validateProperties('Ownership', { owner: 'a', asset: 'b', percentage: '50%' })).toBeDefined();
    expect(validateProperties('Address', { full: 'Hauptstr. 1, Wien' })).toBeDefined();
    expect(validateProperties('LegalEntity', { name: 'X' })).toBeDefined();
  });

  it('accepts ISO date prefixes and date-times', () => {
    for (const d of [
      '2024',
      '2024-02',
      '2024-02-29',
      '2024-02-29T10',
      '2024-02-29T10:15',
      '2024-02-29T10:15:30Z',
      '2024-02-29T10:15:30.123+01:00',
      '2024-02-29T10:15:30-0500',
    ]) {
      expect(isIsoDatePrefix(d), d).toBe(true);
    }
    for (const d of [
      '24',
      '2024-13',
      '2023-02-29',
      '2024-04-31',
      '2024-1-1',
      '01.02.2024',
      '2024-02-29 10:00',
      '2024-02-29T25:00',
      '2024-02-29T10:61',
      'yesterday',
    ]) {
      expect(isIsoDatePrefix(d), d).toBe(false);
    }
  });

  it('enforces required properties unless skipRequired', () => {
    expect(validateProperties('Payment', { amount: '5' }, { skipRequired: true })).toEqual({ amount: ['5'] });
  });

  it('accepts enum values and several crime-script functions', () => {
    const out = validateProperties('Person', {
      name: 'X',
      proceduralStatus: 'presumedVictim',
      crimeScriptFunctions: ['recruiter', 'transporter', 'recruiter'],
    });
    expect(out['crimeScriptFunctions']).toEqual(['recruiter', 'transporter']);
  });

  it('passes selector values to checkSelector with their kind', () => {
    const seen: string[] = [];
    validateProperties(
      'Person',
      { name: 'Ana', phone: ' +43 660 1234567 ', passportNumber: 'AB123' },
      { checkSelector: (kind, raw) => (seen.push(`${kind}:${raw}`), null) },
    );
    expect(seen.sort()).toEqual(['document:AB123', 'name:Ana', 'phone:+43 660 1234567']);
  });
});

describe('validateProperties: errors', () => {
  it('unknown or abstract schema', () => {
    expectError('unknown_schema', 'schema', 'Spaceship', {});
    expectError('validation_failed', 'schema', 'Thing', { name: 'x' });
    expectError('validation_failed', 'schema', 'Interval', {});
  });

  it('properties not an object of string lists', () => {
    expectError('validation_failed', 'properties', 'Person', null);
    expectError('validation_failed', 'properties', 'Person', ['name']);
    expectError('validation_failed', 'properties', 'Person', 'name');
    expectError('validation_failed', 'properties.name', 'Person', { name: 42 });
    expectError('validation_failed', 'properties.name', 'Person', { name: { a: 1 } });
    expectError('validation_failed', 'properties.name[1]', 'Person', { name: ['a', 7] });
  });

  it('unknown property', () => {
    expectError('unknown_property', 'properties.shoeSize', 'Person', { name: 'a', shoeSize: ['44'] });
    expectError('unknown_property', 'properties.__proto__', 'Person', JSON.parse('{"__proto__": ["x"]}'));
    expectError('unknown_property', 'properties.constructor', 'Person', { constructor: ['x'] });
    expectError('unknown_property', 'properties.iban', 'Person', { name: 'a', iban: 'AT61' });
  });

  it('bad date, number, enum, single value', () => {
    expectError('validation_failed', 'properties.birthDate[1]', 'Person', {
      name: 'a',
      birthDate: ['1990', '1990-02-30'],
    });
    expectError('validation_failed', 'properties.amount[0]', 'Payment', {
      payer: 'a',
      beneficiary: 'b',
      amount: '1,500',
    });
    expectError('validation_failed', 'properties.height[0]', 'Person', { name: 'a', height: 'tall' });
    expectError('validation_failed', 'properties.proceduralStatus[0]', 'Person', {
      name: 'a',
      proceduralStatus: 'Victim',
    });
    expectError('validation_failed', 'properties.crimeScriptFunctions[1]', 'Person', {
      name: 'a',
      crimeScriptFunctions: ['recruiter', 'pimp'],
    });
    expectError('validation_failed', 'properties.proceduralStatus[1]', 'Person', {
      name: 'a',
      proceduralStatus: ['suspect', 'victim'],
    });
  });

  it('missing required property, naming it', () => {
    expectError('validation_failed', 'properties.name', 'Person', { alias: 'x' });
    expectError('validation_failed', 'properties.name', 'Person', { name: ['  '] });
    expectError('validation_failed', 'properties.beneficiary', 'Payment', { payer: 'a' });
    expectError('validation_failed', 'properties.sendingCompany', 'Posting', { worker: 'w' });
  });

  it('too many values, too large a value', () => {
    const many = Array.from({ length: MAX_VALUES_PER_PROPERTY + 1 }, (_, i) => `n${i}`);
    expectError('validation_failed', 'properties.alias', 'Person', { name: 'a', alias: many });
    expect(validateProperties('Person', { name: 'a', alias: many.slice(1) })['alias']).toHaveLength(1000);
    expectError('validation_failed', 'properties.notes[0]', 'Person', { name: 'a', notes: 'é'.repeat(33 * 1024) });
    expect(validateProperties('Person', { name: 'a', notes: 'e'.repeat(64 * 1024) })).toBeDefined();
  });

  it('invalid selector, as reported by checkSelector', () => {
    const checkSelector: ValidateOptions['checkSelector'] = (kind, raw) =>
      kind === 'iban' && !raw.startsWith('AT') ? 'bad checksum' : null;
    expectError('invalid_selector', 'properties.iban[1]', 'BankAccount', { iban: ['AT61', 'XX00'] }, { checkSelector });
    const e = failure('BankAccount', { iban: ['XX00'] }, { checkSelector });
    expect(e.message).toContain('bad checksum');
  });
});

describe('validateProperties: properties', () => {
  const value = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(' a ', 'a', '', '  ', 'b\t'));
  const values = fc.oneof(value, fc.array(value, { maxLength: 6 }));
  const input = fc.record(
    {
      name: values,
      alias: values,
      notes: values,
      firstName: values,
      birthDate: fc.constantFrom('1990', ['2001-02-03', '2001-02-03 ']),
    },
    { requiredKeys: ['name'] },
  );

  it('is idempotent on its own output, and its output is trimmed, non-empty and unique', () => {
    fc.assert(
      fc.property(input, (props) => {
        const once = validateProperties('Person', props, { skipRequired: true });
        expect(validateProperties('Person', once, { skipRequired: true })).toEqual(once);
        for (const vs of Object.values(once)) {
          expect(vs.length).toBeGreaterThan(0);
          expect(new Set(vs).size).toBe(vs.length);
          for (const v of vs) expect(v).toBe(v.trim());
          for (const v of vs) expect(v).not.toBe('');
        }
      }),
      { numRuns: 200 },
    );
  });
});
