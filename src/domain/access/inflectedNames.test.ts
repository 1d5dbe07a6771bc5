import { describe, expect, it } from 'vitest';
import { protectionOf, redactText } from './visibility.ts';
import { pseudonymOf } from './victims.ts';

describe('protected persons named in inflected forms', () => {
  const p = protectionOf(
    [
      {
        id: 'v',
        schema: 'Person',
        properties: { name: ['Jānis Bērziņš'], proceduralStatus: ['victim'] },
        sourceId: null,
        targetId: null,
      },
      {
        id: 'w',
        schema: 'Person',
        properties: { name: ['Mikko Virtanen'], proceduralStatus: ['victim'] },
        sourceId: null,
        targetId: null,
      },
    ],
    { victimContact: false, shared: null, today: '2026-01-01' },
  );

  it('are replaced by the pseudonym in Latvian, Finnish and any order', () => {
    expect(redactText(p, 'Alga Jāņa Bērziņa kontā').text).toBe(`Alga [${pseudonymOf('v')}] kontā`);
    expect(redactText(p, 'Bērziņam Jānim iedod').text).toBe(`[${pseudonymOf('v')}] iedod`);
    expect(redactText(p, 'Soita Mikko Virtaselle').text).toBe(`Soita [${pseudonymOf('w')}]`);
  });

  it('leave other words alone', () => {
    expect(redactText(p, 'Jānis said hello').text).toBe('Jānis said hello');
  });
});
