/**
 * i2 Analyst's Notebook charts (`anx`, ANX XML; domain/prosecution/anx.ts reads the file).
 * Each chart entity becomes an entity of its type — the `schema` attribute a chart exported
 * from here carries, else the schema its i2 icon stands for — with its label as the caption
 * property; each link becomes a link entity between its ends, except `Money` links (aggregated
 * transactions in a chart from here), which become one statement line per currency so the
 * money flow is drawn again. Ids are the chart's identities when they are valid ids, otherwise
 * derived from them, so a link finds its ends.
 */
import { createHash } from 'node:crypto';
import { parseAnx, SCHEMA_OF_ICON } from '../../domain/prosecution/anx.ts';
import type { AnxEntity } from '../../domain/prosecution/anx.ts';
import { edgeOf, getProperty, getSchema, isEdge } from '../../domain/schema/index.ts';
import { AppError, errors } from '../../shared/errors.ts';
import type { Importer } from '../types.ts';

export type AnxOptions = Record<string, never>;

const MAX_BYTES = 24 * 1024 * 1024;
/** The entity id a chart identity becomes (the identity itself when it is a valid id). */
export const anxEntityId = (identity: string): string =>
  /^[A-Za-z0-9._:-]{1,200}$/.test(identity)
    ? identity
    : `anx-${createHash('sha1').update(identity, 'utf8').digest('hex').slice(0, 24)}`;

function schemaOf(e: AnxEntity): string {
  const named = e.attributes['schema'];
  if (named && getSchema(named) && !isEdge(named)) return named;
  if (getSchema(e.type) && !isEdge(e.type)) return e.type;
  return SCHEMA_OF_ICON[e.icon] ?? SCHEMA_OF_ICON[e.type] ?? 'LegalEntity';
}

/** "EUR 1234.50 (3); USD 10.00 (1)" as the chart export writes money amounts. */
export function parseAmounts(text: string): { currency: string; amountMinor: number; count: number }[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((s) => {
      const m = /^([A-Z]{3}) (-?\d+(?:\.\d{1,2})?)(?: \((\d+)\))?$/.exec(s);
      return m ? [{ currency: m[1] ?? '', amountMinor: Math.round(Number(m[2]) * 100), count: Number(m[3] ?? 1) }] : [];
    });
}

export const anxImporter: Importer<AnxOptions> = {
  format: 'anx',
  label: "i2 Analyst's Notebook chart (ANX)",
  async *parse(input) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of input.open()) {
      const b = Buffer.isBuffer(c) ? c : Buffer.from(c as string);
      size += b.length;
      if (size > MAX_BYTES) throw errors.importFailed('The chart is larger than 24 MiB', 'line 1');
      chunks.push(b);
    }
    let chart;
    try {
      chart = parseAnx(Buffer.concat(chunks).toString('utf8'));
    } catch (e) {
      if (e instanceof AppError) throw errors.importFailed(e.message, e.path ?? 'line 1');
      throw e;
    }
    const schemaById = new Map<string, string>();
    let n = 0;
    for (const e of chart.entities) {
      n++;
      const schema = schemaOf(e);
      const id = anxEntityId(e.id);
      schemaById.set(e.id, schema);
      const captionProp = getSchema(schema)?.caption[0] ?? 'name';
      const properties: Record<string, string[]> = {};
      if (e.label) properties[captionProp] = [e.label];
      if (e.description) properties['notes'] = [e.description];
      if (e.attributes['status'])
        properties['proceduralStatus'] = e.attributes['status']
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean);
      yield { kind: 'entity', line: n, record: { id, schema, properties } };
    }
    for (const [i, l] of chart.links.entries()) {
      n++;
      if (l.type === 'Money' || l.attributes['schema'] === 'Money') {
        const amounts = parseAmounts(l.attributes['amounts'] ?? '');
        if (!amounts.length)
          throw errors.importFailed(`Money link ${i + 1} has no amounts ("EUR 100.00 (1)")`, `link[${i}]`);
        const day = (l.date ?? '').slice(0, 10);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day))
          throw errors.importFailed(`Money link ${i + 1} has no date`, `link[${i}]`);
        for (const a of amounts) {
          yield {
            kind: 'transaction',
            line: n,
            record: {
              accountId: anxEntityId(l.end1),
              counterpartyAccountId: anxEntityId(l.end2),
              amountMinor: -Math.abs(a.amountMinor),
              currency: a.currency,
              bookingDate: day,
              text: l.label || null,
              reference: `anx:${l.id}:${a.currency}`,
            },
          };
        }
        continue;
      }
      const named = l.attributes['schema'] ?? l.type;
      const schema = isEdge(named) ? named : 'UnknownLink';
      const edge = edgeOf(schema);
      if (!edge) continue;
      const properties: Record<string, string[]> = {
        [edge.source]: [anxEntityId(l.end1)],
        [edge.target]: [anxEntityId(l.end2)],
      };
      if (l.label && getProperty(schema, 'role')) properties['role'] = [l.label];
      if (l.date && getProperty(schema, 'startDate')) properties['startDate'] = [l.date.slice(0, 10)];
      yield { kind: 'entity', line: n, record: { id: anxEntityId(l.id), schema, properties } };
    }
  },
};
