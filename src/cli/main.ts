#!/usr/bin/env node
/** `elect` — the platform's command line: serve, migrate, user, cases, demo, import, export. */
import { Command } from 'commander';
import { errorText, isAppError } from '../shared/errors.ts';
import { casesCommand } from './cases/cases.ts';
import { demoCommand } from './demo.ts';
import { importExportCommands } from './imports.ts';
import { serveCommand } from './serve.ts';
import { userCommand } from './access.ts';
import { withStore } from './context.ts';
import { auditCommand } from './audit.ts';
import { backupCommands } from './backup.ts';
import { retentionCommands } from './cases/retention.ts';
import { financeCommands } from './finance.ts';
import { prosecutionCommands } from './prosecution.ts';
import { companyCommands } from './companies.ts';
import { resolutionCommands } from './resolution.ts';
import { trainingCommands } from './training/training.ts';
import { cooperationCommands } from './cooperation.ts';
import { captureCommands } from './captures.ts';
import { identificationCommands } from './identification.ts';
import { documentCommands } from './documents.ts';

// A reader that stops early (`elect cases | head -1`) closes the pipe: that ends the command
// quietly, as for any Unix tool, instead of a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const program = new Command();
program
  .name('elect')
  .description('ELECT THB platform: investigate trafficking in human beings')
  .option('--data <dir>', 'data folder for the embedded SQLite store (env ELECT_DATA_DIR)')
  .option('--database-url <url>', 'PostgreSQL connection string (env DATABASE_URL)')
  .option('--as <username>', 'the user the command acts as (env ELECT_USER)')
  .showHelpAfterError();

serveCommand(program);
userCommand(program);
casesCommand(program);
demoCommand(program);
importExportCommands(program);
auditCommand(program);
backupCommands(program);
retentionCommands(program);
financeCommands(program);
prosecutionCommands(program);
companyCommands(program);
resolutionCommands(program);
trainingCommands(program);
cooperationCommands(program);
captureCommands(program);
identificationCommands(program);
documentCommands(program);

program
  .command('migrate')
  .description('Create or upgrade the database schema, then exit')
  .action(async () => {
    await withStore(program, async (store) => {
      console.log(`Schema up to date (${store.dialect}).`);
    });
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  if (isAppError(e)) {
    console.error(`elect: ${errorText(e)}`);
    process.exit(2);
  }
  console.error(`elect: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
