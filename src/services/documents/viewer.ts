/**
 * The viewer's use cases: a conversation (a chat, a mailbox, or the e-mail thread a message
 * belongs to) and a document (its text, its pages, its original). Each reads through the one
 * visibility model: for a caller without victim contact, protected persons' names and
 * identifiers are replaced by pseudonyms in senders, recipients and text, and the originals and
 * page images of whatever names them are withheld with a note saying why.
 */
import { isA } from '../../domain/schema/index.ts';
import type { ConversationMessageOut, ConversationOut, DocumentOut } from '../../shared/contracts/documents.ts';
import { WITHHELD_PROTECTED } from '../../shared/contracts/documents.ts';
import { errors } from '../../shared/errors.ts';
import { getEntity, type EntityRow } from '../../store/repos/entities/entities.ts';
import { canSee, requireVisibleEntity, visibilityOf, type Visibility } from '../access/index.ts';
import { entitiesOfSource } from '../../store/repos/documents/documents.ts';
import { caseUseCase } from '../useCase/index.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import {
  filesBy,
  first,
  namesProtected,
  offered,
  partsOf,
  partyNames,
  propsOf,
  readable,
  type PartyName,
} from './parts.ts';

const MESSAGE_SCHEMATA = ['Email', 'Message'] as const;

/** The container and the messages of the conversation `row` opens. */
async function conversationFrom(
  scope: CaseScope,
  v: Visibility,
  row: EntityRow,
): Promise<{ container: EntityRow | null; messages: EntityRow[]; title: string }> {
  if (row.schema === 'Folder') {
    return { container: row, messages: await partsOf(scope, v, row, MESSAGE_SCHEMATA), title: row.caption };
  }
  if (row.schema !== 'Email' && row.schema !== 'Message')
    throw errors.validation('Not a chat, mailbox or message: open it as a document', 'entityId');
  const parentId = first(propsOf(row), 'parent');
  const container = parentId ? ((await getEntity(scope, parentId)) ?? null) : null;
  const siblings = container ? await partsOf(scope, v, container, MESSAGE_SCHEMATA) : [row];
  if (row.schema === 'Message') return { container, messages: siblings, title: container?.caption ?? row.caption };
  // An e-mail thread: the messages of its mailbox on the same topic.
  const topic = first(propsOf(row), 'threadTopic');
  const thread = siblings.filter((m) => m.schema === 'Email' && first(propsOf(m), 'threadTopic') === topic);
  return { container, messages: thread.length ? thread : [row], title: topic ?? row.caption };
}

const byTime = (a: EntityRow, b: EntityRow) => {
  const [pa, pb] = [propsOf(a), propsOf(b)];
  const [da, db] = [first(pa, 'date') ?? '\uffff', first(pb, 'date') ?? '\uffff'];
  if (da !== db) return da < db ? -1 : 1;
  return Number(first(pa, 'recordId') ?? 0) - Number(first(pb, 'recordId') ?? 0) || (a.id < b.id ? -1 : 1);
};

export const openConversation = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'conversation', targetOf: (i: { entityId: string }) => i.entityId },
  run: async ({ store, caseId, access, audit }, { entityId }: { entityId: string }): Promise<ConversationOut> => {
    const scope = store.scope(caseId);
    const v = await visibilityOf(store, access);
    const row = await requireVisibleEntity(store, access, v, entityId);
    const { container, messages, title } = await conversationFrom(scope, v, row);
    messages.sort(byTime);
    const attachmentsOf = new Map<string, EntityRow[]>();
    const inThread = new Set(messages.map((m) => m.id));
    const source = messages[0]?.provenance_source_id;
    // Attachments hang from their message and came with the same import.
    for (const d of source ? await entitiesOfSource(scope, source, ['Document']) : []) {
      const parent = first(propsOf(d), 'parent');
      if (parent && inThread.has(parent) && canSee(v, d.id))
        attachmentsOf.set(parent, [...(attachmentsOf.get(parent) ?? []), d]);
    }
    const allAttachments = [...attachmentsOf.values()].flat();
    const files = await filesBy(scope, [
      ...messages.map((m) => m.id),
      ...allAttachments.map((a) => a.id),
      ...(container ? [container.id] : []),
    ]);
    const senders = await partyNames(
      scope,
      v,
      messages.flatMap((m) => (m.schema === 'Message' ? (propsOf(m)['sender'] ?? []) : [])),
    );
    let anyNamed = false;
    const out: ConversationMessageOut[] = messages.map((m) => {
      const p = propsOf(m);
      const named = namesProtected(v, m, senders) || (attachmentsOf.get(m.id) ?? []).some((a) => namesProtected(v, a));
      anyNamed ||= named;
      const sender = senderOf(v, m, senders);
      const body = readable(v, first(p, 'bodyText') ?? '');
      const subject = first(p, 'subject');
      const recipients = [...(p['to'] ?? []), ...(p['cc'] ?? [])].map((r) => readable(v, r).text);
      const original = files.get(m.id)?.[0];
      return {
        id: m.id,
        schema: m.schema as 'Email' | 'Message',
        sender: sender.name,
        recipients,
        date: first(p, 'date'),
        subject: subject === null ? null : readable(v, subject).text,
        text: body.text,
        redacted: body.redacted || sender.redacted,
        inReplyTo: first(p, 'inReplyToEmail') ?? first(p, 'inReplyToMessage'),
        attachments: (attachmentsOf.get(m.id) ?? []).map((a) => {
          const file = files.get(a.id)?.[0];
          if (file) return offered(v, file, named);
          const name = readable(v, first(propsOf(a), 'fileName') ?? a.caption).text;
          return { fileId: null, fileName: name, mimeType: first(propsOf(a), 'mimeType'), size: null, withheld: null };
        }),
        original: original ? offered(v, original, named) : null,
      };
    });
    const exportFile = container ? files.get(container.id)?.[0] : undefined;
    audit.returned(messages.map((m) => m.id));
    return {
      containerId: container?.id ?? null,
      title: readable(v, title).text,
      kind: messages.some((m) => m.schema === 'Email') || row.schema === 'Email' ? 'mail' : 'chat',
      messages: out,
      original: exportFile ? offered(v, exportFile, anyNamed) : null,
    };
  },
});

function senderOf(v: Visibility, m: EntityRow, senders: ReadonlyMap<string, PartyName>): PartyName {
  const p = propsOf(m);
  if (m.schema === 'Message') {
    const id = first(p, 'sender');
    return (id ? senders.get(id) : undefined) ?? { name: 'unknown sender', redacted: false };
  }
  const shown = readable(v, (p['from'] ?? p['sender'] ?? []).join(', '));
  return { name: shown.text, redacted: shown.redacted };
}

export const openDocument = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'document', targetOf: (i: { entityId: string }) => i.entityId },
  run: async ({ store, caseId, access }, { entityId }: { entityId: string }): Promise<DocumentOut> => {
    const scope = store.scope(caseId);
    const v = await visibilityOf(store, access);
    const row = await requireVisibleEntity(store, access, v, entityId);
    if (!isA(row.schema, 'Document')) throw errors.validation('Not a document', 'entityId');
    const p = propsOf(row);
    const pages = (await partsOf(scope, v, row, ['Page'], 'document')).sort(
      (a, b) => Number(first(propsOf(a), 'index') ?? 0) - Number(first(propsOf(b), 'index') ?? 0),
    );
    const files = await filesBy(scope, [row.id, ...pages.map((pg) => pg.id)]);
    const named = namesProtected(v, row) || pages.some((pg) => namesProtected(v, pg));
    const body = readable(v, first(p, 'bodyText') ?? '');
    const shownPages = pages.map((pg) => {
      const text = readable(v, first(propsOf(pg), 'bodyText') ?? '');
      const image = files.get(pg.id)?.[0];
      return {
        index: Number(first(propsOf(pg), 'index') ?? 0),
        text: text.text,
        image: image ? offered(v, image, named) : null,
      };
    });
    const original = files.get(row.id)?.[0];
    return {
      id: row.id,
      schema: row.schema,
      title: readable(v, row.caption).text,
      text: body.text,
      redacted:
        body.redacted || shownPages.some((pg, i) => pg.text !== (first(propsOf(pages[i] ?? row), 'bodyText') ?? '')),
      pages: shownPages,
      original: original ? offered(v, original, named) : null,
      withheldNote: named ? WITHHELD_PROTECTED : null,
    };
  },
});
