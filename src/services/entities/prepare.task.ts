/**
 * Pool task: validates and normalises a batch of entity writes (schema, properties, selectors)
 * off the request loop. Runs `prepareAll` on a worker thread; errors come back naming the item.
 */
import type { PreparedEntity } from '../../domain/entity/prepared.ts';
import { asOutcome } from '../workers/index.ts';
import type { TaskOutcome } from '../workers/index.ts';
import { prepareAll } from './prepareAll.ts';
import type { EntityWrite } from './prepareAll.ts';

export interface PrepareInput {
  items: readonly EntityWrite[];
  country: string;
  /** Items are named `${itemPrefix}[i]` in errors. */
  itemPrefix?: string;
}

export default function prepareTask(input: PrepareInput): Promise<TaskOutcome<PreparedEntity[]>> {
  const { itemPrefix } = input;
  return asOutcome(() =>
    prepareAll(input.items, input.country, itemPrefix ? { itemPath: (i) => `${itemPrefix}[${i}]` } : {}),
  );
}
