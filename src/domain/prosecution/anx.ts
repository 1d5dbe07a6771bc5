/**
 * i2 Analyst's Notebook Exchange (ANX), the XML chart format Analyst's Notebook imports and
 * exports (i2 ANB "ANX XML schema reference": `Chart` with `AttributeClassCollection`,
 * `EntityTypeCollection`, `LinkTypeCollection` and `ChartItemCollection`; a chart item holds
 * either an `End` with an `Entity` — its identity, icon type and X/Y position — or a `Link`
 * between two entity ids). Only the parts a chart exchange needs are written and read: types,
 * icons, labels, dates, descriptions, positions and attributes. Everything else in a file from
 * Analyst's Notebook (styles, themes, palettes) is ignored on reading.
 */
import { xmlEscape } from '../graph/model.ts';
import { attr, child, children, invalid, parseXml } from '../graph/xml.ts';
import type { XmlNode } from '../graph/xml.ts';

const F = 'ANX';

export interface AnxEntity {
  /** The entity's identity in the chart (i2 `Identity`, also its `EntityId`). */
  id: string;
  /** Entity type name (an FtM schema when the chart came from here). */
  type: string;
  /** i2 icon type (`IconStyle Type`), e.g. Person, Organisation, Account. */
  icon: string;
  label: string;
  x: number;
  y: number;
  /** ISO date or date-time, when the item has one. */
  date?: string | undefined;
  description?: string | undefined;
  attributes: Record<string, string>;
}

export interface AnxLink {
  id: string;
  end1: string;
  end2: string;
  /** Link type name (an FtM link schema, or `Money` for aggregated transactions). */
  type: string;
  label: string;
  date?: string | undefined;
  description?: string | undefined;
  attributes: Record<string, string>;
}

export interface AnxChart {
  entities: AnxEntity[];
  links: AnxLink[];
}

/** i2's standard icon for each schema (the generic one when there is none closer). */
export const ICON_OF: Readonly<Record<string, string>> = {
  Person: 'Person',
  Company: 'Organisation',
  Organization: 'Organisation',
  LegalEntity: 'Organisation',
  PublicBody: 'Organisation',
  BankAccount: 'Account',
  Phone: 'Phone',
  EmailAddress: 'Email',
  Address: 'Address',
  Vehicle: 'Vehicle',
  OnlineAd: 'Web Page',
  Document: 'Document',
  Passport: 'Passport',
  Identification: 'Passport',
  Place: 'Location',
  Event: 'Event',
};
/** Reading a chart that did not come from here: the schema an icon type stands for. */
export const SCHEMA_OF_ICON: Readonly<Record<string, string>> = {
  Person: 'Person',
  Organisation: 'Company',
  Account: 'BankAccount',
  Phone: 'Phone',
  Email: 'EmailAddress',
  Address: 'Address',
  Vehicle: 'Vehicle',
  'Web Page': 'OnlineAd',
  Document: 'Document',
  Passport: 'Passport',
  Location: 'Address',
  Event: 'Event',
};
export const iconOf = (type: string): string => ICON_OF[type] ?? 'Generic';

const a = (name: string, value: string | number | boolean) => ` ${name}="${xmlEscape(String(value))}"`;
/** ANX dates are xsd:dateTime; a day alone is midnight of that day. */
const dateTime = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00` : d);
const dateAttrs = (d: string | undefined) =>
  d ? `${a('DateSet', true)}${a('DateTime', dateTime(d))}` : a('DateSet', false);
const fromDateTime = (d: string) => d.replace(/T00:00:00(\.0+)?$/, '');

function attributesXml(attrs: Record<string, string>): string {
  const keys = Object.keys(attrs).sort();
  if (!keys.length) return '';
  return `<AttributeCollection>${keys.map((k) => `<Attribute${a('AttributeClass', k)}${a('Value', attrs[k] ?? '')}/>`).join('')}</AttributeCollection>`;
}

/** The chart as ANX XML, types and attribute classes declared before the items that use them. */
export function serialiseAnx(chart: AnxChart, title?: string): string {
  const entityTypes = new Map<string, string>();
  for (const e of chart.entities) if (!entityTypes.has(e.type)) entityTypes.set(e.type, e.icon);
  const linkTypes = [...new Set(chart.links.map((l) => l.type))].sort();
  const classes = [...new Set([...chart.entities, ...chart.links].flatMap((i) => Object.keys(i.attributes)))].sort();
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (title) out.push(`<!-- ${title.replace(/--/g, '—')} -->`);
  out.push(`<Chart${a('IdReferenceLinking', false)}${a('Rigorous', true)}>`);
  out.push(
    '<AttributeClassCollection>',
    ...classes.map((c) => `<AttributeClass${a('Name', c)}${a('Type', 'AttText')}${a('Visible', false)}/>`),
    '</AttributeClassCollection>',
  );
  out.push(
    '<EntityTypeCollection>',
    ...[...entityTypes]
      .sort(([x], [y]) => (x < y ? -1 : 1))
      .map(([t, icon]) => `<EntityType${a('Name', t)}${a('IconFile', icon)}/>`),
    '</EntityTypeCollection>',
  );
  out.push('<LinkTypeCollection>', ...linkTypes.map((t) => `<LinkType${a('Name', t)}/>`), '</LinkTypeCollection>');
  out.push('<ChartItemCollection>');
  for (const e of chart.entities) {
    out.push(
      `<ChartItem${a('Label', e.label)}${dateAttrs(e.date)}${e.description ? a('Description', e.description) : ''}${a('XPosition', e.x)}>` +
        `<End${a('X', e.x)}${a('Y', e.y)}><Entity${a('EntityId', e.id)}${a('Identity', e.id)}${a('LabelIsIdentity', false)}>` +
        `<Icon><IconStyle${a('Type', e.type)}${a('IconFile', e.icon)}/></Icon></Entity></End>${attributesXml(e.attributes)}</ChartItem>`,
    );
  }
  for (const l of chart.links) {
    out.push(
      `<ChartItem${a('Label', l.label)}${dateAttrs(l.date)}${l.description ? a('Description', l.description) : ''}>` +
        `<Link${a('LinkId', l.id)}${a('End1Id', l.end1)}${a('End2Id', l.end2)}><LinkStyle${a('Type', l.type)}${a('ArrowStyle', 'ArrowOnHead')}/></Link>` +
        `${attributesXml(l.attributes)}</ChartItem>`,
    );
  }
  out.push('</ChartItemCollection>', '</Chart>');
  return `${out.join('\n')}\n`;
}

function attributesOf(item: XmlNode, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [i, at] of children(child(item, 'AttributeCollection'), 'Attribute').entries()) {
    const k = attr(at, 'AttributeClass');
    if (!k) throw invalid(F, 'an Attribute without AttributeClass', `${where}.Attribute[${i}]`);
    out[k] = attr(at, 'Value') ?? '';
  }
  return out;
}

function numberAttr(el: XmlNode | undefined, name: string, where: string): number {
  const raw = attr(el, name);
  if (raw === undefined) return 0;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n))
    throw invalid(F, `${name} "${raw.slice(0, 40)}" is not a number`, where);
  return n;
}

const optional = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

/** An ANX file as a chart; errors name the chart item. Links must join entities of the chart. */
export function parseAnx(text: string): AnxChart {
  const root = child(parseXml(text, F), 'Chart');
  if (!root) throw invalid(F, 'no <Chart> root element', 'line 1');
  const iconOfType = new Map(
    children(child(root, 'EntityTypeCollection'), 'EntityType').map((t) => [
      attr(t, 'Name') ?? '',
      attr(t, 'IconFile') ?? '',
    ]),
  );
  const entities: AnxEntity[] = [];
  const links: AnxLink[] = [];
  const seen = new Set<string>();
  const items = children(child(root, 'ChartItemCollection'), 'ChartItem');
  for (const [i, item] of items.entries()) {
    const where = `ChartItem[${i}]`;
    const date = attr(item, 'DateSet') === 'true' ? optional(attr(item, 'DateTime')) : undefined;
    const common = {
      label: attr(item, 'Label') ?? '',
      date: date ? fromDateTime(date) : undefined,
      description: optional(attr(item, 'Description')),
      attributes: attributesOf(item, where),
    };
    const end = child(item, 'End');
    const link = child(item, 'Link');
    if (end) {
      const entity = child(end, 'Entity');
      const id = attr(entity, 'Identity') ?? attr(entity, 'EntityId');
      if (!entity || !id) throw invalid(F, 'an entity without Identity', where);
      if (seen.has(id)) throw invalid(F, `entity "${id.slice(0, 60)}" appears twice`, where);
      seen.add(id);
      const style = child(child(entity, 'Icon'), 'IconStyle');
      const type = attr(style, 'Type') ?? 'Generic';
      entities.push({
        id,
        type,
        icon: attr(style, 'IconFile') ?? iconOfType.get(type) ?? type,
        x: numberAttr(end, 'X', where),
        y: numberAttr(end, 'Y', where),
        ...common,
      });
    } else if (link) {
      const end1 = attr(link, 'End1Id');
      const end2 = attr(link, 'End2Id');
      if (!end1 || !end2) throw invalid(F, 'a link without End1Id and End2Id', where);
      links.push({
        id: attr(link, 'LinkId') ?? `link-${i}`,
        end1,
        end2,
        type: attr(child(link, 'LinkStyle'), 'Type') ?? 'Link',
        ...common,
      });
    }
  }
  for (const [i, l] of links.entries()) {
    for (const end of [l.end1, l.end2])
      if (!seen.has(end))
        throw invalid(
          F,
          `link "${l.label.slice(0, 40)}" refers to "${end.slice(0, 60)}", which is not an entity of the chart`,
          `link[${i}]`,
        );
  }
  return { entities, links };
}
