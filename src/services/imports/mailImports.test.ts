/**
 * E-mail and chat exports through the one import pipeline, on both databases: the entities each
 * sample holds (counted by hand), attachments kept as evidence files under their entity,
 * importing again changing nothing, a failed file leaving the case as it was, and senders'
 * addresses and numbers joining the case's own nodes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { describeEachDialectWithFixtures, itDb } from '../../../test/support/dialects.ts';
import { uniqueName } from '../../../test/support/api.ts';
import { fixturePath } from '../../../test/support/fixtures.ts';
import { errorText, isAppError } from '../../shared/errors.ts';
import type { Store } from '../../store/store.ts';
import { countEntitiesBySchema, getEntity, listEntities } from '../../store/repos/entities/entities.ts';
import { listFiles } from '../../store/repos/files/files.ts';
import { actorOf, addUser } from '../access/users.ts';
import { createCase } from '../cases/cases.ts';
import { cliCaller } from '../useCase/index.ts';
import { importFile } from './fileImports.ts';

const dir = mkdtempSync(join(tmpdir(), 'elect-document-imports-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function newCase(store: Store) {
  const actor = actorOf(await addUser(store, { username: uniqueName('docs'), platformRole: 'investigator' }));
  const caseId = (await createCase(store, actor, { title: 'Seized material', country: 'LV' })).id;
  return { caller: cliCaller(actor), caseId };
}

const counts = async (store: Store, caseId: string) =>
  Object.fromEntries((await countEntitiesBySchema(store.scope(caseId))).map((c) => [c.schema, c.n]));

describeEachDialectWithFixtures('seized e-mail and chats through the import pipeline', (ctx) => {
  itDb('the Takeout mbox: a Folder, 4 Emails, 2 addresses, 8 links, 1 attachment, 5 evidence files', async () => {
    const store = ctx.store();
    const { caller, caseId } = await newCase(store);
    const path = fixturePath('mail', 'mimekit_issue1189.mbox');
    const { report } = await importFile(store, caller, caseId, { path, format: 'mail', bank: false, options: {} });
    expect(await counts(store, caseId)).toEqual({ Folder: 1, Email: 4, EmailAddress: 2, UnknownLink: 8, Document: 1 });
    expect(report.filesAdded).toBe(5);
    expect((report.warnings ?? []).join('\n')).toMatch(/line 22: the attachment Attachment.zip is empty/);
    const scope = store.scope(caseId);
    const emails = await listEntities(scope, { schemata: ['Email'], limit: 10 });
    const folder = (await listEntities(scope, { schemata: ['Folder'], limit: 1 }))[0];
    expect(emails.map((e) => e.caption).sort()).toEqual(['Message 1', 'Message 2', 'Message 3', 'Message 4']);
    for (const e of emails) {
      const props = JSON.parse(e.properties) as Record<string, string[]>;
      expect(props['parent']).toEqual([folder?.id]);
      expect(props['from']).toEqual(['Sender <sender@example.com>']);
      // The raw message is the evidence file of its Email, hashed as the pipeline hashes every file.
      const files = await listFiles(scope, e.id);
      expect(files.map((f) => [f.mime_type, f.sha256])).toEqual([['message/rfc822', props['contentHash']?.[0]]]);
    }
    const again = await importFile(store, caller, caseId, { path, format: 'mail', bank: false, options: {} });
    expect([again.report.entitiesAdded, again.report.entitiesUpdated]).toEqual([0, 0]);
  });

  itDb('a forwarded message inside a message is an Email under it, its PDF a Document with the file', async () => {
    const store = ctx.store();
    const { caller, caseId } = await newCase(store);
    const path = fixturePath('mail', 'mikel-mail_attachment_message_rfc822.eml');
    await importFile(store, caller, caseId, { path, format: 'mail', bank: false, options: {} });
    const scope = store.scope(caseId);
    const emails = await listEntities(scope, { schemata: ['Email'], limit: 10 });
    const outer = emails.find((e) => e.caption === 'testing');
    const inner = emails.find((e) => e.caption === 'Another PDF');
    expect(JSON.parse(inner?.properties ?? '{}')).toMatchObject({ parent: [outer?.id] });
    const [pdf] = await listEntities(scope, { schemata: ['Document'], limit: 10 });
    expect(JSON.parse(pdf?.properties ?? '{}')).toMatchObject({ fileName: ['broken.pdf'], parent: [inner?.id] });
    expect((await listFiles(scope, pdf?.id)).map((f) => [f.file_name, f.size])).toEqual([['broken.pdf', 1026]]);
  });

  itDb(
    'a WhatsApp export: a Folder, 7 Messages from 5 senders, the 2 system lines reported, the export kept',
    async () => {
      const store = ctx.store();
      const { caller, caseId } = await newCase(store);
      const path = fixturePath('chat', 'chat-miner_whatsapp_mmddyyyy_12hrs.txt');
      const { report } = await importFile(store, caller, caseId, { path, format: 'chat', bank: false, options: {} });
      expect(await counts(store, caseId)).toEqual({ Folder: 1, Message: 7, LegalEntity: 5 });
      expect(report.warnings).toContain('line 6: 2 WhatsApp system lines, not messages (6, 7)');
      const [folder] = await listEntities(store.scope(caseId), { schemata: ['Folder'], limit: 1 });
      expect((await listFiles(store.scope(caseId), folder?.id)).map((f) => f.mime_type)).toEqual(['text/plain']);
    },
  );

  itDb('a sender that is a phone number joins the Phone the case already holds', async () => {
    const store = ctx.store();
    const { caller, caseId } = await newCase(store);
    const ftm = file(
      'phone.ftm.json',
      `${JSON.stringify({ id: 'known-phone', schema: 'Phone', properties: { number: ['+371 2612 3456'] } })}\n`,
    );
    await importFile(store, caller, caseId, { path: ftm, format: 'ftm', bank: false, options: {} });
    const chat = file('WhatsApp Chat with Darbs.txt', '14/03/2024, 10:00 - +371 2612 3456: Labdien\n');
    const { report } = await importFile(store, caller, caseId, {
      path: chat,
      format: 'chat',
      bank: false,
      options: {},
    });
    expect(report.assembly?.joins.length).toBe(1);
    const phones = await listEntities(store.scope(caseId), { schemata: ['Phone'], limit: 10 });
    expect(phones.map((p) => p.id)).toEqual(['known-phone']);
    const [link] = await listEntities(store.scope(caseId), { schemata: ['UnknownLink'], limit: 10 });
    expect(link?.target_id).toBe('known-phone');
  });

  itDb('a chat export that fails on line 3 leaves the case as it was', async () => {
    const store = ctx.store();
    const { caller, caseId } = await newCase(store);
    const path = file(
      'bad.txt',
      '14/03/2024, 10:00 - A: one\n15/03/2024, 10:00 - B: two\n31/02/2024, 10:00 - A: three\n',
    );
    const failed = await importFile(store, caller, caseId, { path, format: 'chat', bank: false, options: {} }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAppError(failed) && errorText(failed)).toMatch(/^bad\.txt: line 3: /);
    expect(await counts(store, caseId)).toEqual({});
    expect(await getEntity(store.scope(caseId), 'x')).toBeUndefined();
  });
});
