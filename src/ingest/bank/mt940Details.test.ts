import { describe, expect, it } from 'vitest';
import { joinWrapped, parseDetails } from './mt940Details.ts';

describe('MT940 :86: details', () => {
  it('joins wrapped free text without a space only where the line was full', () => {
    const full = 'x'.repeat(64) + 'A';
    expect(joinWrapped([full, 'BC', 'next'])).toBe(`${'x'.repeat(64)}ABC next`);
  });

  it('reads the Dutch keyword layout, first /NAME/ winning', () => {
    const d = parseDetails([
      '/TRTP/SEPA Incasso algemeen doorlopend/CSID/NL12ZZZ123456780000/NAME/',
      'Energie B.V./MARF/M-1/REMI/Termijn april/IBAN/NL91ABNA0417164300/BIC/AB',
      'NANL2A/EREF/NOTPROVIDED/ULTD//NAME/Someone Else/',
    ]);
    expect(d).toMatchObject({ kind: 'SEPA Incasso algemeen doorlopend', name: 'Energie B.V.', text: 'Termijn april' });
    expect(d.account).toMatchObject({ iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' });
  });

  it('reads ING structured remittance', () => {
    expect(parseDetails(['/TRTP/iDEAL/IBAN/NL91ABNA0417164300/NAME/Shop/REMI/STRD/CUR/1234567890/']).text).toBe(
      '1234567890',
    );
  });

  it('reads German subfields with a BLZ and a plain account number', () => {
    const d = parseDetails([
      '005?00LASTSCHRIFT?10931?20Miete?21 April?3012030000?311234567890?32Haus',
      '?33verwaltung GmbH?34000',
    ]);
    expect(d).toMatchObject({ kind: 'LASTSCHRIFT', text: 'Miete April', name: 'Hausverwaltung GmbH' });
    expect(d.account).toMatchObject({ number: '1234567890', bankCode: '12030000', key: '12030000/1234567890' });
  });

  it('reads ABN AMRO cash withdrawals and leaves unknown free text alone', () => {
    expect(parseDetails(['GEA   NR:00AB12   02.01.20/10.15 Damrak 1 AMSTERDAM,PAS123'])).toMatchObject({
      kind: 'cash withdrawal',
      place: 'Damrak 1 AMSTERDAM',
      name: undefined,
    });
    expect(parseDetails(['', '  Rente  ', ''])).toEqual({ text: 'Rente' });
    expect(parseDetails([])).toEqual({});
  });
});
