import type { Command } from 'commander';
import { errors } from '../shared/errors.ts';
import { actorNamed } from '../services/access/index.ts';
import type { Actor } from '../services/access/index.ts';
import type { Store } from '../services/useCase/index.ts';
import { configOf } from './context.ts';
import { ACTING_USER_FILE, savedActingUser } from './firstStart.ts';

/**
 * The name of the user the command acts as: `--as`, else ELECT_USER, else the user a first
 * start named in the data folder (`cli-user`, the demo case's lead on a single-user laptop).
 */
export function actingUserName(program: Command): string | undefined {
  return program.opts<{ as?: string }>().as ?? process.env.ELECT_USER ?? savedActingUser(configOf(program).dataDir);
}

/**
 * The CLI acts as a named user through the same policy layer and audit as the API: being at
 * the server's console grants no access to a case.
 */
export async function cliActor(program: Command, store: Store): Promise<Actor> {
  const name = actingUserName(program);
  if (!name)
    throw errors.validation(
      `Say who is acting: --as <username>, ELECT_USER, or a username in the data folder's ${ACTING_USER_FILE} file`,
      '--as',
    );
  const actor = await actorNamed(store, name);
  if (!actor) throw errors.validation(`No active user "${name}"`, '--as');
  return actor;
}
