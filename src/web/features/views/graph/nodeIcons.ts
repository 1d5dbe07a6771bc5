/**
 * Which pictogram each node carries on the chart: its type's icon (ui/entityTypes.ts) by its
 * place in the texture atlas that iconProgram.ts draws. Apart from the program so that the
 * chart's data (drawn.ts) can name icons without loading WebGL code.
 */
import type { IconName } from '../../../ui/icons.tsx';
import { typeStyle } from '../../../ui/entityTypes.ts';

/** Icons per atlas row and column. */
export const GRID = 8;

/** The icons in atlas order; a node's `icon` attribute is its index here. */
export const ATLAS_ICONS: readonly IconName[] = [
  'document',
  'person',
  'company',
  'organization',
  'legalEntity',
  'address',
  'bank',
  'phone',
  'email',
  'vehicle',
  'passport',
  'identification',
  'userAccount',
  'onlineAd',
  'event',
  'trip',
  'call',
  'asset',
  'folder',
  'message',
];

/** The atlas index of a schema's icon (0, a document, for types without one in the atlas). */
export function iconIndex(schema: string): number {
  const i = ATLAS_ICONS.indexOf(typeStyle(schema).icon);
  return i < 0 ? 0 : i;
}
