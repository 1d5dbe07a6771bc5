/**
 * Small constructors that keep the THB extension tables readable. Each returns a plain `PropertyDef`;
 * nothing here has behaviour beyond building the object.
 */
import type { PropertyDef, PropertyType } from './types.ts';

type Extra = Omit<PropertyDef, 'type' | 'label'>;

export const prop = (type: PropertyType, label: string, extra: Extra = {}): PropertyDef => ({
  type,
  label,
  ...extra,
});

export const str = (label: string, extra?: Extra): PropertyDef => prop('string', label, extra);
export const text = (label: string, extra?: Extra): PropertyDef => prop('text', label, extra);
export const name = (label: string, extra?: Extra): PropertyDef => prop('name', label, extra);
export const date = (label: string, extra?: Extra): PropertyDef => prop('date', label, extra);
export const num = (label: string, extra?: Extra): PropertyDef => prop('number', label, extra);
export const country = (label: string, extra?: Extra): PropertyDef => prop('country', label, extra);
export const url = (label: string, extra?: Extra): PropertyDef => prop('url', label, extra);
export const ident = (label: string, extra?: Extra): PropertyDef => prop('identifier', label, extra);
export const phone = (label: string, extra?: Extra): PropertyDef => prop('phone', label, extra);
export const email = (label: string, extra?: Extra): PropertyDef => prop('email', label, extra);
export const address = (label: string, extra?: Extra): PropertyDef => prop('address', label, extra);
export const lang = (label: string, extra?: Extra): PropertyDef => prop('language', label, extra);

/** An entity reference; `range` is the schema the referenced entity must be (or descend from). */
export const ref = (range: string, label: string, extra?: Extra): PropertyDef =>
  prop('entity', label, { ...extra, range });

/** A closed list of values (THB extension properties). */
export const oneOf = (values: readonly string[], label: string, extra?: Extra): PropertyDef =>
  prop('enum', label, { ...extra, values });
