import type { Command } from 'commander';
import {
  agencyKinds,
  agencyList,
  consoleActor,
  createAgency,
  createUser,
  issueTokenFor,
  platformRoles,
  resetUserPassword,
  setUserDisabled,
  userNamed,
} from '../services/access/index.ts';
import { cliCaller } from '../services/useCase/index.ts';
import { withStore } from './context.ts';

/** User administration at the server's console; each change is audited as done from the console. */
export function userCommand(program: Command): void {
  const user = program.command('user').description('Manage user accounts');
  user
    .command('add <username>')
    .description('Create a user; a password is generated and shown once')
    .option('--role <role>', `platform role: ${platformRoles.join(', ')}`, 'investigator')
    .option('--name <displayName>', 'display name')
    .option('--agency <id>', 'agency id (see: elect agency list)')
    .option('--token', 'also issue a personal API token for scripts (shown once)')
    .action(async (username: string, o: { role: string; name?: string; agency?: string; token?: boolean }) => {
      await withStore(program, async (store) => {
        const caller = cliCaller(consoleActor);
        const input = { username, platformRole: o.role, displayName: o.name, agencyId: o.agency };
        const { user: u, initialPassword } = await createUser(store, caller, input);
        console.log(`User ${u.username} (${u.platformRole}) created.`);
        console.log(`Password (shown once): ${initialPassword ?? ''}`);
        if (o.token) {
          const { token } = await issueTokenFor(store, caller, { userId: u.id, label: 'cli' });
          console.log(`API token (shown once): ${token}`);
        }
      });
    });
  for (const [name, description, disabled] of [
    ['disable', 'Disable a user: every session and token ends at once', true],
    ['enable', 'Enable a disabled user again', false],
  ] as const) {
    user
      .command(`${name} <username>`)
      .description(description)
      .action(async (username: string) => {
        await withStore(program, async (store) => {
          const u = await userNamed(store, username);
          await setUserDisabled(store, cliCaller(consoleActor), { userId: u.id, disabled });
          console.log(`User ${u.username} ${disabled ? 'disabled' : 'enabled'}.`);
        });
      });
  }
  user
    .command('reset <username>')
    .description(
      'Generate a one-time password (shown once; the user chooses their own at sign-in), unlock the account, end its sessions',
    )
    .action(async (username: string) => {
      await withStore(program, async (store) => {
        const u = await userNamed(store, username);
        const { password } = await resetUserPassword(store, cliCaller(consoleActor), { userId: u.id });
        console.log(`One-time password for ${u.username} (shown once; they choose their own at sign-in): ${password}`);
      });
    });

  const agency = program.command('agency').description('Manage agencies');
  agency
    .command('add <name>')
    .requiredOption('--country <CC>', 'ISO country code: FI, EE, LV…')
    .requiredOption('--kind <kind>', agencyKinds.join(', '))
    .action(async (name: string, o: { country: string; kind: string }) => {
      await withStore(program, async (store) => {
        const a = await createAgency(store, cliCaller(consoleActor), { name, country: o.country, kind: o.kind });
        console.log(a.id);
      });
    });
  agency.command('list').action(async () => {
    await withStore(program, async (store) => {
      const { agencies } = await agencyList(store, cliCaller(consoleActor));
      for (const a of agencies) console.log(`${a.id}\t${a.country}\t${a.kind}\t${a.name}`);
    });
  });
}
