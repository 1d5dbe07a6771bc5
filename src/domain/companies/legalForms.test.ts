import { describe, expect, it } from 'vitest';
import { abbreviateLegalForm } from './legalForms.ts';

describe('abbreviateLegalForm', () => {
  it('writes a spelled-out legal form as the register abbreviates it, whatever the case and diacritics', () => {
    expect(abbreviateLegalForm('AALTO KIINTEISTOHUOLTO OSAKEYHTIÖ')).toBe(
      abbreviateLegalForm('Aalto Kiinteistohuolto Oy'),
    );
    expect(abbreviateLegalForm('Kalju Ehitusgrupp osaühing')).toBe('kalju ehitusgrupp ou');
    expect(abbreviateLegalForm('SABIEDRIBA AR IEROBEZOTU ATBILDIBU Baltu Buve')).toBe(
      abbreviateLegalForm('SIA "Baltu Buve"'),
    );
    expect(abbreviateLegalForm('Lipa Montaż spółka z ograniczoną odpowiedzialnością')).toBe(
      abbreviateLegalForm('Lipa Montaż Sp. z o.o.'),
    );
  });

  it('leaves a word that only contains a form alone', () => {
    expect(abbreviateLegalForm('Osakeyhtiöpalvelu Oy')).toBe('osakeyhtiopalvelu oy');
  });
});
