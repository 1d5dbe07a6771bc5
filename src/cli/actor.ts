import type { Command } from 'commander';
import { errors } from '../shared/errors.ts';
import { actorNamed } from '../services/access/index.ts';
import type { Actor } from '../services/access/index.ts';
import type { Store } from '../services/useCase/index.ts';

/**
 * The CLI acts as a named user (`--as` or ELECT_USER), through the same policy layer and
 * audit as the API: being at the server's console grants no access to a case.
 */
export async function cliActor(program: Command, store: Store): Promise<Actor> {
  const name = program.opts<{ as?: string }>().as ?? process.env.ELECT_USER;
  if (!name) throw errors.validation('Say who is acting: --as <username> or ELECT_USER', '--as');
  const actor = await actorNamed(store, name);
  if (!actor) throw errors.validation(`No active user "${name}"`, '--as');
  return actor;
}
