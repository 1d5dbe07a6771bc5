/**
 * `elect agreement add|list|revoke|identity`, `elect psi export|respond|finish|run` and
 * `elect hits <case>`: cooperation agreements, hit/no-hit with partner deployments by exchange
 * files (for air-gapped networks) or over HTTPS, and cross-case hits — through the same
 * services, policy and audit as the API.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { HitNoticeOut } from '../shared/contracts/cooperation.ts';
import { errors } from '../shared/errors.ts';
import {
  addAgreement,
  agreementList,
  answerQueryFile,
  checkCrossCaseHits,
  cooperationIdentity,
  exportQuery,
  finishQuery,
  revokeAgreement,
  runOverHttps,
} from '../services/cooperation/index.ts';
import { cliCaller } from '../services/useCase/index.ts';
import { cliActor } from './actor.ts';
import { withStore } from './context.ts';

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (e) {
    throw errors.validation(`Cannot read ${what} from ${file}: ${e instanceof Error ? e.message : String(e)}`, file);
  }
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
}

function printNotice(n: HitNoticeOut): void {
  const kinds = Object.entries(n.kinds)
    .map(([k, c]) => `${k} ${c}`)
    .join(', ');
  const via =
    n.origin === 'partner'
      ? `partner deployment (agreement ${n.agreementId ?? '-'})`
      : 'another case of this deployment';
  console.log(
    `HIT ${n.id}: ${kinds} on ${n.entityIds.length} of your entities — ${via}. Contact: ${n.contact.name}, ${n.contact.agency}${n.contact.country ? ` (${n.contact.country})` : ''}${n.contact.email ? `, ${n.contact.email}` : ''}${n.contact.phone ? `, ${n.contact.phone}` : ''}`,
  );
}

export function cooperationCommands(program: Command): void {
  const agreement = program
    .command('agreement')
    .description('Cooperation agreements with partner deployments (administrators)');
  agreement
    .command('add <file.json>')
    .description(
      'Register an agreement: {id, name, partnerName, partnerCountry, partnerPublicKey, partnerUrl?, selectorTypes, rateLimit:{queries, periodHours}, contactPoints:[{name, agency, email?, phone?}]}',
    )
    .action(async (file: string) => {
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        const a = await addAgreement(store, caller, readJson(file, 'the agreement'));
        console.log(
          `Agreement ${a.id} with ${a.partnerName} (${a.partnerCountry}) registered: ${a.selectorTypes.join(', ')}; ${a.rateLimit.queries} queries per ${a.rateLimit.periodHours} h.`,
        );
      });
    });
  agreement
    .command('list')
    .description('List the agreements')
    .action(async () => {
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        for (const a of (await agreementList(store, caller)).agreements) {
          console.log(
            `${a.id}\t${a.status}\t${a.partnerName} (${a.partnerCountry})\t${a.selectorTypes.join(',')}\t${a.rateLimit.queries}/${a.rateLimit.periodHours}h\t${a.partnerUrl ?? 'files only'}`,
          );
        }
      });
    });
  agreement
    .command('revoke <id>')
    .description('Revoke an agreement: no more queries are sent or answered under it')
    .action(async (id: string) => {
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        await revokeAgreement(store, caller, { agreementId: id });
        console.log(`Agreement ${id} revoked.`);
      });
    });
  agreement
    .command('identity')
    .description("This deployment's public signing key, for partners to register")
    .action(async () => {
      // The public key only, needed before any partner (or user) exists: no use case, no record.
      await withStore(program, async (store) => {
        const me = await cooperationIdentity(store);
        console.log(`deployment id ${me.deploymentId}\npublic key   ${me.publicKeyHex}`);
      });
    });

  const psi = program.command('psi').description('Hit/no-hit with a partner deployment by private set intersection');
  psi
    .command('export')
    .description("Write the case's selectors, blinded, as a signed query file for the partner")
    .requiredOption('--case <id>', 'case id')
    .requiredOption('--agreement <id>', 'agreement id')
    .requiredOption('--out <file>', 'query file to write')
    .action(async (o: { case: string; agreement: string; out: string }) => {
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        const file = await exportQuery(store, caller, o.case, { agreementId: o.agreement });
        writeJson(o.out, file);
        console.log(
          `Query written to ${o.out}. Carry it to the partner; import their answer with: elect psi finish <answer> --case ${o.case}`,
        );
      });
    });
  psi
    .command('respond <query.json>')
    .description("Answer a partner's query file with this deployment's blinded selectors (administrators)")
    .requiredOption('--out <file>', 'answer file to write')
    .action(async (query: string, o: { out: string }) => {
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        writeJson(o.out, await answerQueryFile(store, caller, readJson(query, 'the query')));
        console.log(`Answer written to ${o.out}; the query is logged.`);
      });
    });
  psi
    .command('finish <answer.json>')
    .description("Import the partner's answer: hits become notices in the case")
    .requiredOption('--case <id>', 'case id')
    .action(async (answer: string, o: { case: string }) => {
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        const r = await finishQuery(store, caller, o.case, readJson(answer, 'the answer'));
        if (r.notice) printNotice(r.notice);
        else console.log('No hit: the partner holds none of the selectors compared.');
      });
    });
  psi
    .command('run')
    .description("Query the partner's server over HTTPS under an agreement")
    .requiredOption('--case <id>', 'case id')
    .requiredOption('--agreement <id>', 'agreement id')
    .action(async (o: { case: string; agreement: string }) => {
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        const r = await runOverHttps(store, caller, o.case, { agreementId: o.agreement });
        if (r.notice) printNotice(r.notice);
        else console.log('No hit: the partner holds none of the selectors compared.');
      });
    });

  program
    .command('hits <case>')
    .description("Look the case's selectors up in the other cases of this deployment and list its hit notices")
    .action(async (caseId: string) => {
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        const r = await checkCrossCaseHits(store, caller, caseId);
        console.log(`${r.checked} selectors checked; ${r.notices.length} hit notice(s).`);
        for (const n of r.notices) printNotice(n);
      });
    });
}
