/**
 * Saved CDR mappings for layouts we know, as data. One-subscriber layouts leave `subscriber`
 * out: the file does not say whose record it is, so the investigator supplies the number at
 * import (`withSubscriber`).
 */
import type { CdrMapping, CdrOptions } from './cdr.ts';

export type CdrPreset = Omit<CdrOptions, 'mapping'> & {
  label: string;
  mapping: CdrMapping | Omit<CdrMapping, 'subscriber'>;
};

/**
 * bandicoot (computationalprivacy/bandicoot) per-user records, e.g. its demo `ego.csv`:
 * interaction (call|text), direction (in|out), correspondent_id, datetime
 * (`2014-03-02 07:13:30`), call_duration (seconds, empty for texts), antenna_id.
 */
export const bandicootEgo = {
  label: 'bandicoot user records (interaction, direction, correspondent_id, datetime, call_duration, antenna_id)',
  mapping: {
    type: 'interaction',
    direction: 'direction',
    correspondent: 'correspondent_id',
    start: 'datetime',
    duration: 'call_duration',
    cell: 'antenna_id',
  },
  dateFormat: '%Y-%m-%d %H:%M:%S',
} as const satisfies CdrPreset;

export const cdrMappings = { bandicootEgo } as const satisfies Record<string, CdrPreset>;

/** Import options for a one-subscriber preset, with the subscriber's own number. */
export function withSubscriber(preset: CdrPreset, subscriber: string): CdrOptions {
  const { label: _label, ...options } = preset;
  return { ...options, mapping: { ...preset.mapping, subscriber } };
}
