import type { Command } from 'commander';
import { errors } from '../shared/errors.ts';
import type { Actor } from '../services/access/actor.ts';
import { actorOf } from '../services/access/users.ts';
import { getUserByName } from '../store/repos/access/users.ts';
import type { Store } from '../store/store.ts';

/**
 * The CLI acts as a named user (`--as` or ELECT_USER), through the same policy layer and
 * audit as the API: being at the server's console grants no access to a case.
 */
export async function cliActor(program: Command, store: Store): Promise<Actor> {
  const name = program.opts<{ as?: string }>().as ?? process.env.ELECT_USER;
  if (!name) throw errors.validation('Say who is acting: --as <username> or ELECT_USER', '--as');
  const user = await getUserByName(store.db, name);
  if (!user || user.disabled) throw errors.validation(`No active user "${name}"`, '--as');
  return actorOf(user);
}
