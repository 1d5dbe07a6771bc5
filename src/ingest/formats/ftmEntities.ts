/**
 * Reading FtM entity objects as other tools write them, one file at a time:
 * - `{"id", "schema", "properties"}`; other keys FtM tools add (`caption`, `datasets`, `referents`,
 *   `first_seen`, `last_seen`, `last_change`, `target`, `origin`…) are accepted and ignored;
 * - an entity of a schema the model does not know is skipped with a warning naming its line, and
 *   so is a property the schema does not have, or a reverse stub (FtM itself never sets those);
 *   references to an entity skipped earlier in the file are dropped with a warning;
 * - entity objects embedded where a reference is expected (Aleph's network diagrams, API
 *   responses) become records of their own, referred to by id; an entity embedded several times,
 *   or also written on its own, is one entity (its values combined by the pipeline);
 * - anything else that cannot be an entity (no id, no schema, values that are not strings, a date
 *   that is not one) refuses the file, naming the line: nothing is imported wrong.
 * An `Email` written by release 0.1 (an address node) is read as `EmailAddress`.
 */
import { errors, isAppError } from '../../shared/errors.ts';
import { currentSchemaName, getProperty, getSchema, validateProperties } from '../../domain/schema/index.ts';
import type { Properties } from '../../domain/schema/index.ts';
import type { EntityRecord } from '../../domain/records.ts';
import type { ImportItem } from '../types.ts';

export const failAt = (line: number, message: string) =>
  errors.importFailed(`Line ${line}: ${message}`, `line ${line}`);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What one entity object gave: its record (absent when skipped) and the records embedded in it. */
interface Read {
  record?: EntityRecord;
  embedded: EntityRecord[];
  warnings: string[];
}

/** Reads the entity objects of one file, keeping what it needs to know across lines. */
export class FtmEntityReader {
  /** Ids of entities yielded so far, written on their own or embedded. */
  private readonly written = new Set<string>();
  private readonly embeddedIds = new Set<string>();
  /** Ids of entities skipped so far, with their line. */
  private readonly skipped = new Map<string, number>();

  /** The items one top-level entity object gives, embedded entities first. */
  read(value: unknown, line: number): ImportItem[] {
    const out: ImportItem[] = [];
    const { record, embedded, warnings } = this.entity(value, line, false);
    for (const e of embedded) {
      // An entity met embedded may come again, embedded or on its own line: it merges.
      if (this.written.has(e.id) || this.embeddedIds.has(e.id)) continue;
      this.embeddedIds.add(e.id);
      out.push({ kind: 'entity', line, record: e, merge: true });
    }
    if (!record) {
      const id = isObject(value) && typeof value['id'] === 'string' ? value['id'] : undefined;
      out.push({ kind: 'skipped', line, ...(id !== undefined ? { id } : {}), warnings });
      return out;
    }
    // Written on its own after being embedded: one entity. Written twice on its own: the
    // pipeline refuses the second, as for any file.
    const again = this.embeddedIds.has(record.id) && !this.written.has(record.id);
    this.written.add(record.id);
    out.push({
      kind: 'entity',
      line,
      record,
      ...(again ? { merge: true } : {}),
      ...(warnings.length ? { warnings } : {}),
    });
    return out;
  }

  private entity(value: unknown, line: number, nested: boolean): Read {
    const where = nested ? 'an embedded entity' : 'the entity';
    if (!isObject(value)) throw failAt(line, 'expected a JSON object with id, schema and properties');
    const { id, schema: written, properties } = value;
    if (typeof id !== 'string' || id.trim() === '') throw failAt(line, `${where} has no id`);
    if (typeof written !== 'string' || written === '') throw failAt(line, `entity ${id} has no schema`);
    if (properties !== undefined && properties !== null && !isObject(properties))
      throw failAt(line, 'properties must be an object of string lists');
    const schema = currentSchemaName(written, isObject(properties) ? Object.keys(properties) : []);
    const def = getSchema(schema);
    if (!def) {
      this.skipped.set(id, line);
      return { embedded: [], warnings: [`unknown schema "${schema}": entity ${id} is skipped`] };
    }
    if (def.abstract) throw failAt(line, `"${schema}" is an abstract schema; entity ${id} needs a concrete one`);
    const out: Properties = {};
    const embedded: EntityRecord[] = [];
    const warnings: string[] = [];
    for (const [name, values] of Object.entries(properties ?? {})) {
      if (!Array.isArray(values)) throw failAt(line, `properties.${name} must be a list of strings`);
      const prop = getProperty(schema, name);
      if (!prop || prop.stub) {
        warnings.push(
          prop
            ? `"${name}" of ${id} only lists the links pointing at it; its values are skipped`
            : `"${schema}" has no property "${name}"; the values of ${id} are skipped`,
        );
        continue;
      }
      const kept: string[] = [];
      for (const v of values as unknown[]) {
        if (typeof v === 'string') kept.push(v);
        else if (isObject(v) && prop.type === 'entity') {
          const inner = this.entity(v, line, true);
          embedded.push(...inner.embedded, ...(inner.record ? [inner.record] : []));
          warnings.push(...inner.warnings);
          if (typeof v['id'] === 'string') kept.push(v['id']);
        } else throw failAt(line, `properties.${name} must be a list of strings`);
      }
      const refs = prop.type === 'entity' ? kept.filter((v) => this.skipped.has(v.trim())) : [];
      for (const ref of refs)
        warnings.push(`${id}.${name} refers to ${ref}, skipped on line ${this.skipped.get(ref.trim())}; left out`);
      out[name] = refs.length ? kept.filter((v) => !refs.includes(v)) : kept;
    }
    try {
      // Values (dates, numbers, enums…) are checked here too so the error names the line.
      // `required` is not enforced: FtM applies it only to entities a user creates.
      validateProperties(schema, out, { skipRequired: true });
    } catch (e) {
      if (isAppError(e)) throw failAt(line, `${e.path ? `${e.path}: ` : ''}${e.message}`);
      throw e;
    }
    return { record: { id, schema, properties: out }, embedded, warnings };
  }
}
