import { describe, expect, it } from 'vitest';
import { proxyAddresses } from './serve.ts';

describe('serve --trust-proxy', () => {
  it('takes a list of proxy addresses and ranges', () => {
    expect(proxyAddresses('127.0.0.1, 10.0.0.0/8,::1,fd00::/8')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
    ]);
    expect(proxyAddresses(undefined)).toBeUndefined();
  });

  it('refuses "trust any proxy" and what is no address, naming the option', () => {
    for (const bad of ['true', '1', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/8']) {
      expect(() => proxyAddresses(bad)).toThrow(/--trust-proxy/);
    }
  });
});
