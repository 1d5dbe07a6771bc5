/**
 * `elect documents search` and `elect documents marks`: search across a case's seized
 * documents (words, type, sender, recipient, dates, linked entity; near-duplicates grouped) and
 * list the messages whose words may show an indicator — through the same use cases, policy,
 * visibility and audit as the API. Words found are shown between » and «.
 */
import type { Command } from 'commander';
import { DocumentSearchQuery, IndicatorMarksQuery } from '../shared/contracts/documents.ts';
import type { DocumentHitOut } from '../shared/contracts/documents.ts';
import { listIndicatorMarks, searchDocuments } from '../services/documents/index.ts';
import { cliCaller } from '../services/useCase/index.ts';
import { cliActor } from './actor.ts';
import { withStore } from './context.ts';
import { parseOrThrow } from './parse.ts';

interface SearchOptions {
  type?: string;
  sender?: string;
  recipient?: string;
  from?: string;
  to?: string;
  entity?: string;
  limit?: string;
  json?: boolean;
}

const line = (d: DocumentHitOut): string =>
  [
    `${(d.date ?? '').slice(0, 10) || '          '}  ${d.kind.padEnd(6)} ${d.title}`,
    `    ${d.sender ?? '–'} → ${d.recipients.join(', ') || '–'}   (${d.id})`,
    `    ${d.snippet.map((s) => (s.hit ? `»${s.text}«` : s.text)).join('')}`,
  ].join('\n');

export function documentCommands(program: Command): void {
  const documents = program
    .command('documents')
    .description('Seized documents: search across them, indicator language');
  documents
    .command('search <case> [words...]')
    .description('Search a case’s seized documents: words with snippets, filters, near-duplicates grouped')
    .option('--type <types>', 'mail, chat, pdf, office, image, text (comma-separated)')
    .option('--sender <text>', 'part of the sender’s name or address')
    .option('--recipient <text>', 'part of a recipient’s name or address')
    .option('--from <day>', 'first day, YYYY-MM-DD')
    .option('--to <day>', 'last day, YYYY-MM-DD')
    .option('--entity <id>', 'only documents linked to this entity')
    .option('--limit <n>', 'at most this many results (default 50)')
    .option('--json', 'print the answer as JSON')
    .action(async (caseId: string, words: string[], o: SearchOptions) => {
      const query = parseOrThrow(DocumentSearchQuery, {
        q: words.join(' '),
        ...(o.type ? { type: o.type } : {}),
        ...(o.sender ? { sender: o.sender } : {}),
        ...(o.recipient ? { recipient: o.recipient } : {}),
        ...(o.from ? { from: o.from } : {}),
        ...(o.to ? { to: o.to } : {}),
        ...(o.entity ? { entity: o.entity } : {}),
        ...(o.limit ? { limit: o.limit } : {}),
      });
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        const out = await searchDocuments(store, cliCaller(actor), caseId, query);
        if (o.json) {
          console.log(JSON.stringify(out, null, 2));
          return;
        }
        console.log(`${out.results.length} document(s)`);
        const grouped = new Set(out.groups.flatMap((g) => g.members));
        for (const d of out.results) if (!grouped.has(d.id)) console.log(line(d));
        for (const [i, g] of out.groups.entries()) {
          console.log(`Near-duplicates ${i + 1} (${g.members.length}):`);
          for (const id of g.members) {
            const d = out.results.find((r) => r.id === id);
            if (d) console.log(line(d));
          }
        }
      });
    });

  documents
    .command('marks <case>')
    .description('Messages whose words may show an indicator (debt, kept documents, control, recruitment)')
    .option('--person <id>', 'the person assessed: messages linked to them first')
    .option('--limit <n>', 'at most this many marks (default 200)')
    .action(async (caseId: string, o: { person?: string; limit?: string }) => {
      const query = parseOrThrow(IndicatorMarksQuery, {
        ...(o.person ? { person: o.person } : {}),
        ...(o.limit ? { limit: o.limit } : {}),
      });
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        const { marks } = await listIndicatorMarks(store, cliCaller(actor), caseId, query);
        for (const m of marks)
          console.log(`${(m.date ?? '').slice(0, 10)}  ${m.indicator.padEnd(22)} ${m.entityId}  ${m.snippet}`);
        console.log(`${marks.length} mark(s)`);
      });
    });
}
