import type { Command } from 'commander';
import { platformRoles } from '../services/actor.ts';
import { addUserWithToken } from '../services/users.ts';
import { withStore } from './context.ts';

export function userCommand(program: Command): void {
  const user = program.command('user').description('Manage user accounts');
  user
    .command('add <username>')
    .description('Create a user and print an API token for them (shown once)')
    .option('--role <role>', `platform role: ${platformRoles.join(', ')}`, 'investigator')
    .option('--name <displayName>', 'display name')
    .action(async (username: string, o: { role: string; name?: string }) => {
      await withStore(program, async (store) => {
        const { user: u, token } = await addUserWithToken(store, { username, platformRole: o.role, ...(o.name ? { displayName: o.name } : {}) });
        console.log(`User ${u.username} (${u.platform_role}) created.`);
        console.log(`API token (shown once): ${token}`);
      });
    });
}
