/**
 * What the source files share instead of internal ids: a bank's own reference for each
 * statement line, the identifiers of persons, companies and accounts, and small text helpers.
 */
import { createHash } from 'node:crypto';
import type { EntityRecord } from '../../domain/records.ts';

const digest = (s: string) => createHash('sha1').update(s, 'utf8').digest();

/** A bank's archive reference for a statement line: 16 digits, derived from the line, never its id. */
export function bankReference(bank: string, internalRef: string): string {
  const d = digest(`${bank}\u0000${internalRef}`);
  return (d.readBigUInt64BE(0) % 10n ** 16n).toString().padStart(16, '0');
}

/** A stable number 0 … n−1 from any text (layout and quirk choices that must not depend on ids). */
export function pick(text: string, n: number): number {
  return digest(text).readUInt32BE(0) % n;
}

export const first = (e: EntityRecord | undefined, prop: string): string => e?.properties[prop]?.[0] ?? '';

export const slug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Minor units as `1234.56` (or `1234,56` with a comma decimal mark), unsigned when asked. */
export function decimal(minor: number, mark: '.' | ',' = '.', unsigned = false): string {
  const sign = minor < 0 && !unsigned ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}${mark}${String(abs % 100).padStart(2, '0')}`;
}

/** `2024-01-31` → `31.01.2024`. */
export const dmy = (iso: string, sep = '.'): string =>
  `${iso.slice(8, 10)}${sep}${iso.slice(5, 7)}${sep}${iso.slice(0, 4)}`;
