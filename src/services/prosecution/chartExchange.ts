/**
 * Chart exchange with i2 Analyst's Notebook as use cases: a saved chart (or the whole case) out
 * as ANX, or its entities or links as CSV — a disclosure, watermarked — and an ANX file in.
 */
import type { ImportReport } from '../imports/index.ts';
import { importRulesFor } from '../imports/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import { exportAnx, exportChartCsv, importAnx } from './anx.ts';

export type ChartFormat = 'anx' | 'entities.csv' | 'links.csv';

export interface ChartFile {
  fileName: string;
  contentType: string;
  text: string;
  /** For ANX: how many entities and links went out. */
  entities?: number;
  links?: number;
}

const fileNameOf = (name: string, ext: string) =>
  `${name.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'chart'}.${ext}`;

export const chartExport = caseUseCase({
  permission: 'case:read',
  audit: { action: 'disclosure', target: 'chart', targetOf: (i: { chartId?: string | undefined }) => i.chartId },
  run: async (
    { store, actor, access, audit },
    { chartId, format }: { chartId?: string | undefined; format: ChartFormat },
  ): Promise<ChartFile> => {
    audit.detail({ format });
    if (format === 'anx') {
      const out = await exportAnx(store, actor, access, chartId);
      audit.returned(out.ids);
      return {
        fileName: fileNameOf(out.name, 'anx'),
        contentType: 'application/xml; charset=utf-8',
        text: out.text,
        entities: out.entities,
        links: out.links,
      };
    }
    const what = format === 'entities.csv' ? 'entities' : 'links';
    const out = await exportChartCsv(store, actor, access, what, chartId);
    audit.returned(out.ids);
    return {
      fileName: fileNameOf(`${out.name}-${what}`, 'csv'),
      contentType: 'text/csv; charset=utf-8',
      text: out.text,
    };
  },
});

export const chartImport = caseUseCase({
  permission: 'case:write',
  audit: { action: 'collection', target: 'import' },
  run: async (
    { store, actor, access, caseId, audit },
    { fileName, content }: { fileName: string; content: string },
  ): Promise<{ report: ImportReport; chartId: string | null }> => {
    const out = await importAnx(store, actor, caseId, fileName, content, await importRulesFor(store, access));
    audit.target(out.report.sourceId);
    audit.detail({ format: 'anx', entities: out.report.entitiesAdded, transactions: out.report.transactionsAdded });
    return out;
  },
});
