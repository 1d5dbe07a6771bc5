/**
 * The one XML reader the graph formats share: a strict well-formedness check (errors name the
 * line), no DOCTYPE (no entity expansion tricks), namespace prefixes dropped (Gephi's files
 * spell the viz namespace in several ways), every element a list, attributes without prefix.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { errors } from '../../shared/errors.ts';
import type { AppError } from '../../shared/errors.ts';

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  alwaysCreateTextNode: true,
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});

/** A DTD anywhere in the file (not only its head), or an entity declared without one. */
const DTD = /<!(?:DOCTYPE|ENTITY)/i;

export function parseXml(text: string, format: string): XmlNode {
  const dtd = DTD.exec(text);
  if (dtd) {
    const line = text.slice(0, dtd.index).split('\n').length;
    throw errors.validation(`${format}: a DOCTYPE or entity declaration is not accepted`, `line ${line}`);
  }
  const ok = XMLValidator.validate(text);
  if (ok !== true) throw errors.validation(`${format}: ${ok.err.msg}`, `line ${ok.err.line}`);
  try {
    return parser.parse(text) as XmlNode;
  } catch (e) {
    // What the validator let through and the parser still refuses is bad input, not a fault.
    throw errors.validation(`${format}: ${e instanceof Error ? e.message : 'not readable XML'}`, 'line 1');
  }
}

/** The element children called `name` (an empty list when there are none). */
export const children = (node: XmlNode | undefined, name: string): XmlNode[] => {
  const v = node?.[name];
  return Array.isArray(v) ? (v as XmlNode[]) : [];
};

export const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => children(node, name)[0];

export const attr = (node: XmlNode | undefined, name: string): string | undefined => {
  const v = node?.[name];
  return typeof v === 'string' ? v : undefined;
};

export const textOf = (node: XmlNode | undefined): string => {
  const v = node?.['#text'];
  return typeof v === 'string' ? v : '';
};

export function invalid(format: string, message: string, where: string): AppError {
  return errors.validation(`${format}: ${message}`, where);
}
