/**
 * An import's first pass on a pool thread: the staged file read and every item checked as the
 * import would check it, every bad line collected (up to MAX_MESSAGES), nothing written. Parsing
 * and validating 100,000 entities takes seconds of CPU that would otherwise stall every other
 * request of the process. Progress goes back through shared memory the job reads as it waits.
 */
import { countingInput } from '../../ingest/files.ts';
import type { LineMessage } from '../../shared/contracts/imports.ts';
import { asOutcome } from '../workers/index.ts';
import type { TaskOutcome } from '../workers/index.ts';
import { importerFor } from './formats.ts';
import { inputOf, MAX_MESSAGES, messageOf, previewItem, withHooks } from './staged.ts';
import type { StagedUpload } from './staged.ts';

export interface ImportCheckInput {
  upload: Pick<StagedUpload, 'path' | 'fileName' | 'size'>;
  format: string;
  options: Record<string, unknown>;
  country: string;
  /** Three float64 slots the task keeps current: bytes read, entities, transactions. */
  counts: SharedArrayBuffer;
}

export interface ImportCheckOutput {
  errors: LineMessage[];
  warnings: LineMessage[];
  truncated: boolean;
}

export default function importCheckTask(i: ImportCheckInput): Promise<TaskOutcome<ImportCheckOutput>> {
  return asOutcome(async () => {
    const out: ImportCheckOutput = { errors: [], warnings: [], truncated: false };
    const counts = new Float64Array(i.counts);
    const fail = (m: LineMessage) => (out.errors.length < MAX_MESSAGES ? out.errors.push(m) : (out.truncated = true));
    const upload = { ...i.upload, id: '', caseId: '', userId: '', sha256: '', at: 0, dispose: async () => undefined };
    const counted = countingInput(inputOf(upload), (n) => (counts[0] = (counts[0] ?? 0) + n));
    try {
      for await (const item of importerFor(i.format).parse(counted, withHooks(i.format, i.options, out.warnings))) {
        if (item.kind === 'entity') {
          counts[1] = (counts[1] ?? 0) + 1;
          const checked = previewItem(item, i.country);
          if (checked.error) fail({ line: item.line, path: null, message: checked.error });
        } else if (item.kind === 'transaction') counts[2] = (counts[2] ?? 0) + 1;
        if (out.truncated) break;
      }
    } catch (e) {
      fail(messageOf(e));
    }
    return out;
  });
}
