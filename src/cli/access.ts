import type { Command } from 'commander';
import { errors } from '../shared/errors.ts';
import { platformRoles } from '../services/access/actor.ts';
import { addAgency, addUser, agencyKinds, disableUser, resetPassword } from '../services/access/users.ts';
import { recordAudit } from '../store/repos/audit/records.ts';
import { listAgencies } from '../store/repos/access/agencies.ts';
import { getUserByName, issueToken } from '../store/repos/access/users.ts';
import type { Store } from '../store/store.ts';
import { withStore } from './context.ts';

/** User administration at the server's console; each change is audited as done from the console. */
async function userNamed(store: Store, username: string) {
  const u = await getUserByName(store.db, username.toLowerCase());
  if (!u) throw errors.validation(`No user "${username}"`, 'username');
  return u;
}

const audit = (store: Store, userId: string, what: string) =>
  recordAudit(store.db, {
    caseId: null,
    userId: 'console',
    action: 'permission',
    targetType: 'user',
    targetId: userId,
    detail: { via: 'cli', change: what },
  });

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
        const u = await addUser(store, { username, platformRole: o.role, displayName: o.name, agencyId: o.agency });
        await audit(store, u.id, 'created');
        console.log(`User ${u.username} (${u.platform_role}) created.`);
        console.log(`Password (shown once): ${u.initialPassword ?? ''}`);
        if (o.token) console.log(`API token (shown once): ${await issueToken(store.db, u.id, 'cli')}`);
      });
    });
  user
    .command('disable <username>')
    .description('Disable a user: every session and token ends at once')
    .action(async (username: string) => {
      await withStore(program, async (store) => {
        const u = await userNamed(store, username);
        await disableUser(store, u.id, true);
        await audit(store, u.id, 'disabled');
        console.log(`User ${u.username} disabled.`);
      });
    });
  user
    .command('enable <username>')
    .description('Enable a disabled user again')
    .action(async (username: string) => {
      await withStore(program, async (store) => {
        const u = await userNamed(store, username);
        await disableUser(store, u.id, false);
        await audit(store, u.id, 'enabled');
        console.log(`User ${u.username} enabled.`);
      });
    });
  user
    .command('reset <username>')
    .description('Generate a new password (shown once), unlock the account and end its sessions')
    .action(async (username: string) => {
      await withStore(program, async (store) => {
        const u = await userNamed(store, username);
        const password = await resetPassword(store, u.id);
        await audit(store, u.id, 'password reset');
        console.log(`New password for ${u.username} (shown once): ${password}`);
      });
    });

  const agency = program.command('agency').description('Manage agencies');
  agency
    .command('add <name>')
    .requiredOption('--country <CC>', 'ISO country code: FI, EE, LV…')
    .requiredOption('--kind <kind>', agencyKinds.join(', '))
    .action(async (name: string, o: { country: string; kind: string }) => {
      await withStore(program, async (store) => {
        const a = await addAgency(store, { name, country: o.country, kind: o.kind });
        console.log(a.id);
      });
    });
  agency.command('list').action(async () => {
    await withStore(program, async (store) => {
      for (const a of await listAgencies(store.db)) console.log(`${a.id}\t${a.country}\t${a.kind}\t${a.name}`);
    });
  });
}
