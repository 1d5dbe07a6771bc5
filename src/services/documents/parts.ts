/**
 * What a seized document or conversation is made of, read for one caller: a container's
 * messages, a message's attachments, a document's pages, the evidence files of each, and whether
 * any of it names a protected person (then originals and page images are withheld from callers
 * without victim contact, by the one visibility model).
 */
import { redactText, pseudonymIn } from '../../domain/access/visibility.ts';
import type { Properties } from '../../domain/schema/types.ts';
import { WITHHELD_PROTECTED, type DocumentFileOut } from '../../shared/contracts/documents.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import { entitiesOfSource, filesOfEntities } from '../../store/repos/documents/documents.ts';
import { getEntities, type EntityRow } from '../../store/repos/entities/entities.ts';
import type { CaseFileMeta } from '../../store/repos/files/files.ts';
import { canSee, fileFor, type Visibility } from '../access/index.ts';

export const propsOf = (row: Pick<EntityRow, 'properties'>): Properties => JSON.parse(row.properties) as Properties;
export const first = (p: Properties, key: string): string | null => p[key]?.[0] ?? null;

/** Text as the caller may read it, and whether anything in it was replaced. */
export function readable(v: Visibility, text: string): { text: string; redacted: boolean } {
  if (v.victimContact && !v.only) return { text, redacted: false };
  const r = redactText(v.protection, text);
  return { text: r.text, redacted: r.named.length > 0 };
}

/** The parts of `parent` of `schemata` that came with it (the same import), visible to the caller. */
export async function partsOf(
  scope: CaseScope,
  v: Visibility,
  parent: EntityRow,
  schemata: readonly string[],
  link = 'parent',
): Promise<EntityRow[]> {
  if (!parent.provenance_source_id) return [];
  const all = await entitiesOfSource(scope, parent.provenance_source_id, schemata);
  return all.filter((r) => canSee(v, r.id) && propsOf(r)[link]?.includes(parent.id));
}

export interface PartyName {
  name: string;
  redacted: boolean;
}

/** A party's caption as the caller may read it: pseudonymous entities by pseudonym, names redacted in text. */
export async function partyNames(
  scope: CaseScope,
  v: Visibility,
  ids: readonly string[],
): Promise<Map<string, PartyName>> {
  const out = new Map<string, PartyName>();
  for (const r of await getEntities(scope, [...new Set(ids)])) {
    if (!canSee(v, r.id)) continue;
    if (v.protection.pseudonymous.has(r.id)) out.set(r.id, { name: pseudonymIn(v.protection, r.id), redacted: true });
    else {
      const shown = readable(v, r.caption);
      out.set(r.id, { name: shown.text, redacted: shown.redacted });
    }
  }
  return out;
}

/** Evidence files by the entity they are attached to. */
export async function filesBy(scope: CaseScope, ids: readonly string[]): Promise<Map<string, CaseFileMeta[]>> {
  const out = new Map<string, CaseFileMeta[]>();
  for (const f of await filesOfEntities(scope, ids)) {
    if (!f.entity_id) continue;
    out.set(f.entity_id, [...(out.get(f.entity_id) ?? []), f]);
  }
  return out;
}

/** A file offered for download, or withheld with why. */
export function offered(v: Visibility, f: CaseFileMeta, withheld: boolean): DocumentFileOut {
  const shown = fileFor(v, f.id, { entityId: f.entity_id, fileName: f.file_name });
  if (!shown || withheld)
    return {
      fileId: null,
      fileName: shown?.fileName ?? 'withheld',
      mimeType: null,
      size: null,
      withheld: WITHHELD_PROTECTED,
    };
  return { fileId: f.id, fileName: shown.fileName, mimeType: f.mime_type, size: f.size, withheld: null };
}

/** Properties whose text may name someone, on messages and documents. */
const TEXT_PROPS = ['bodyText', 'title', 'subject', 'name', 'fileName', 'from', 'to', 'cc', 'bcc', 'sender'] as const;

/** Whether the entity's own text names a protected person (sender entities are asked separately). */
export function namesProtected(
  v: Visibility,
  row: EntityRow,
  senders: ReadonlyMap<string, PartyName> = new Map(),
): boolean {
  if (v.victimContact && !v.only) return false;
  const p = propsOf(row);
  if ((p['sender'] ?? []).some((id) => senders.get(id)?.redacted)) return true;
  return TEXT_PROPS.some((k) => (p[k] ?? []).some((t) => redactText(v.protection, t).named.length > 0));
}

/**
 * Entities among `rows` whose files this caller may not have because what they hold names a
 * protected person: a document or message by its own text or by the message it is attached to,
 * a chat or mailbox (Folder) or a paged document (Pages) by any of its parts, a page by its
 * document. For the evidence file routes.
 */
export async function namingProtected(
  scope: CaseScope,
  v: Visibility,
  rows: readonly EntityRow[],
): Promise<Set<string>> {
  const out = new Set<string>();
  if (v.victimContact && !v.only) return out;
  if (!v.protection.values.size && !v.protection.names.length) return out;
  const parentIds = rows.flatMap((r) => [first(propsOf(r), 'parent'), first(propsOf(r), 'document')]);
  const parents = new Map(
    (await getEntities(scope, [...new Set(parentIds.filter((id): id is string => !!id))])).map((r) => [r.id, r]),
  );
  const naming = async (row: EntityRow): Promise<boolean> => {
    if (namesProtected(v, row)) return true;
    if (row.schema === 'Folder') {
      const parts = await partsOf(scope, v, row, ['Email', 'Message', 'Document']);
      const senderIds = parts.flatMap((m) => (m.schema === 'Message' ? (propsOf(m)['sender'] ?? []) : []));
      const senders = await partyNames(scope, v, senderIds);
      return parts.some((m) => namesProtected(v, m, senders));
    }
    if (row.schema === 'Pages')
      return (await partsOf(scope, v, row, ['Page'], 'document')).some((pg) => namesProtected(v, pg));
    return false;
  };
  for (const row of rows) {
    // An attachment or a page goes with what carries it; a message does not go with its mailbox.
    const carried = row.schema === 'Document' || row.schema === 'Page';
    const parent = carried ? parents.get(first(propsOf(row), 'parent') ?? first(propsOf(row), 'document') ?? '') : null;
    if ((await naming(row)) || (parent && (await naming(parent)))) out.add(row.id);
  }
  return out;
}
