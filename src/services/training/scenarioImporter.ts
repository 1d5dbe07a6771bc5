/**
 * A generated scenario as an import format: the training sandboxes load through it (and the demo case
 * reuses it), so both go through the ordinary import pipeline.
 */
import { canonicalJson, GENERATOR_VERSION, scenarioStream } from '../../demo/index.ts';
import type { ScenarioOptions } from '../../demo/index.ts';
import type { ImportItem, Importer } from '../../ingest/types.ts';

export const DEMO_GENERATOR = `elect-thb-demo/${GENERATOR_VERSION}`;

export interface DemoImportOptions extends ScenarioOptions {
  /** Receives the ground truth, cell by cell, as it streams past. */
  onTruth: (cell: number, json: string) => void;
}

/** The scenario as an import format: entities, statement lines and ad captures. */
export const scenarioImporter: Importer<DemoImportOptions> = {
  format: 'demo-scenario',
  label: 'Generated scenario',
  async *parse(_input, options) {
    let n = 0;
    const adFiles = new Map<string, number>();
    for (const item of scenarioStream(options)) {
      n++;
      let out: ImportItem | undefined;
      if (item.kind === 'entity') out = { kind: 'entity', line: n, record: item.record };
      else if (item.kind === 'transaction') out = { kind: 'transaction', line: n, record: item.record };
      else if (item.kind === 'capture') {
        const k = (adFiles.get(item.capture.adId) ?? 0) + 1;
        adFiles.set(item.capture.adId, k);
        out = {
          kind: 'file',
          line: n,
          file: {
            fileName: `${item.capture.adId}${k > 1 ? `-${k}` : ''}.html`,
            mimeType: item.capture.mimeType,
            content: Buffer.from(item.capture.html, 'utf8'),
            entityId: item.capture.adId,
          },
        };
      } else if (item.kind === 'truth') options.onTruth(item.cell, canonicalJson(item.part));
      if (out) yield out;
    }
  },
};
