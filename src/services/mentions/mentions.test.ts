/**
 * Mentions on both databases, checked on what they return and what they write: a chat message's
 * phone, IBAN and inflected names found with their snippets and the case's holders; accepting
 * links the message to the worker with a Documentation link, rejecting removes it, and both are
 * remembered when the text is read again; a number no entity holds becomes a Phone node joined by
 * assembly to the case's; a member without victim contact sees the victim by pseudonym only.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { uniqueName } from '../../../test/support/api.ts';
import { pseudonymOf } from '../../domain/access/victims.ts';
import { MENTION_LINK_ROLE } from '../../shared/contracts/mentions.ts';
import { addMember } from '../../store/repos/cases/cases.ts';
import { getEntity, linksOf, listEntities } from '../../store/repos/entities/entities.ts';
import type { Store } from '../../store/store.ts';
import { actorOf, addUser, type Actor } from '../access/index.ts';
import { createCase } from '../cases/index.ts';
import { createEntities } from '../entities/index.ts';
import { importFile } from '../imports/index.ts';
import { cliCaller } from '../useCase/index.ts';
import { caseMentions, decideMention, documentMentions } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'elect-mentions-'));
const CHAT = [
  '14/03/2024, 09:12 - Ivan: Jāņa Bērziņa alga uz LV80 BANK 0000 4351 9500 1, zvani viņam 26 123 456',
  '14/03/2024, 09:15 - Ivan: Anna Ivanova brauc rīt, viņas numurs 26 999 888. Ja nav, zvani 27 000 111',
].join('\n');

describeEachDialect('mentions in seized messages', (ctx) => {
  let store: Store;
  let lead: Actor;
  let member: Actor;
  let caseId = '';
  let workerId = '';
  let victimId = '';
  let firstMessage = '';
  let secondMessage = '';

  beforeAll(async () => {
    try {
      store = ctx.store();
    } catch {
      return;
    }
    lead = actorOf(await addUser(store, { username: uniqueName('mention-lead'), platformRole: 'investigator' }));
    member = actorOf(await addUser(store, { username: uniqueName('mention-member'), platformRole: 'investigator' }));
    caseId = (await createCase(store, lead, { title: 'Mentions', country: 'LV' })).id;
    await addMember(store.scope(caseId), {
      user_id: member.id,
      case_role: 'member',
      victim_contact: 0,
      added_by: lead.id,
      added_at: new Date().toISOString(),
    });
    const [worker, victim] = await createEntities(store, lead, caseId, [
      { schema: 'Person', properties: { name: ['Jānis Bērziņš'], phone: ['+37126123456'] } },
      {
        schema: 'Person',
        properties: { name: ['Anna Ivanova'], proceduralStatus: ['victim'], phone: ['+37126999888'] },
      },
      { schema: 'Phone', properties: { number: ['+37127000111'] } },
    ]);
    workerId = worker?.id ?? '';
    victimId = victim?.id ?? '';
    const path = join(dir, 'WhatsApp Chat with Ivan.txt');
    writeFileSync(path, CHAT);
    await importFile(store, cliCaller(lead), caseId, { path, format: 'chat', bank: false, options: {} });
    const messages = await listEntities(store.scope(caseId), { schemata: ['Message'], limit: 10 });
    const bodyOf = (id: string) => messages.find((m) => m.id === id)?.properties ?? '';
    firstMessage = messages.find((m) => bodyOf(m.id).includes('Jāņa'))?.id ?? '';
    secondMessage = messages.find((m) => bodyOf(m.id).includes('Anna'))?.id ?? '';
  });

  itDb('finds the phone, the IBAN and the inflected name with snippets and the case holders', async () => {
    const list = await documentMentions(store, cliCaller(lead), caseId, { entityId: firstMessage });
    const byKind = new Map(list.mentions.map((m) => [m.kind, m]));
    expect(byKind.get('person')).toMatchObject({ value: 'Jānis Bērziņš', raw: 'Jāņa Bērziņa', decision: null });
    expect(byKind.get('iban')?.value).toBe('LV80BANK0000435195001');
    const phone = byKind.get('phone');
    expect(phone).toMatchObject({ value: '+37126123456', raw: '26 123 456', strong: true });
    expect(phone?.candidates.map((c) => c.id)).toEqual([workerId]);
    expect(phone?.snippet).toContain('zvani viņam 26 123 456');
  });

  itDb('accepting links the message to the worker; rejecting removes it; both are remembered', async () => {
    const lc = cliCaller(lead);
    const key = (await documentMentions(store, lc, caseId, { entityId: firstMessage })).mentions.find(
      (m) => m.kind === 'phone',
    )?.key;
    expect(key).toBe('phone:0');
    const accepted = await decideMention(store, lc, caseId, {
      entityId: firstMessage,
      key: key ?? '',
      decision: 'accepted',
    });
    const phone = accepted.mentions.find((m) => m.key === key);
    expect(phone).toMatchObject({ decision: 'accepted', entityId: workerId });
    const link = await getEntity(store.scope(caseId), phone?.linkId ?? '');
    expect(link?.schema).toBe('Documentation');
    expect([link?.source_id, link?.target_id]).toEqual([firstMessage, workerId]);
    expect(JSON.parse(link?.properties ?? '{}')).toMatchObject({ role: [MENTION_LINK_ROLE] });
    // Read again: the decision holds.
    const again = await documentMentions(store, lc, caseId, { entityId: firstMessage });
    expect(again.mentions.find((m) => m.key === key)?.decision).toBe('accepted');
    const rejected = await decideMention(store, lc, caseId, {
      entityId: firstMessage,
      key: key ?? '',
      decision: 'rejected',
    });
    expect(rejected.mentions.find((m) => m.key === key)).toMatchObject({ decision: 'rejected', linkId: null });
    expect(await getEntity(store.scope(caseId), phone?.linkId ?? '')).toBeUndefined();
    const links = await linksOf(store.scope(caseId), workerId);
    expect(links.filter((l) => l.schema === 'Documentation')).toEqual([]);
  });

  itDb('a number only a Phone node holds links to it; an unknown key is a 400 naming the field', async () => {
    const lc = cliCaller(lead);
    const list = await documentMentions(store, lc, caseId, { entityId: secondMessage });
    const other = list.mentions.find((m) => m.kind === 'phone' && m.value === '+37127000111');
    const out = await decideMention(store, lc, caseId, {
      entityId: secondMessage,
      key: other?.key ?? '',
      decision: 'accepted',
    });
    const decided = out.mentions.find((m) => m.key === other?.key);
    expect((await getEntity(store.scope(caseId), decided?.entityId ?? ''))?.schema).toBe('Phone');
    await expect(
      decideMention(store, lc, caseId, { entityId: secondMessage, key: 'phone:9', decision: 'accepted' }),
    ).rejects.toMatchObject({ path: 'key' });
  });

  itDb('without victim contact the victim is a pseudonym in value, words and snippet', async () => {
    const alias = pseudonymOf(victimId);
    const list = await documentMentions(store, cliCaller(member), caseId, { entityId: secondMessage });
    const text = JSON.stringify(list);
    expect(text).not.toContain('Ivanova');
    expect(text).not.toContain('26 999 888');
    expect(text).not.toContain('+37126999888');
    const person = list.mentions.find((m) => m.kind === 'person');
    expect(person).toMatchObject({ value: `[${alias}]`, redacted: true });
    expect(text).toContain(alias);
    const all = await caseMentions(store, cliCaller(member), caseId);
    expect(JSON.stringify(all)).not.toContain('Ivanova');
    expect(JSON.stringify(all)).not.toContain('+37126999888');
  });
});
