/**
 * The link chart: the case graph (whole, an n-step neighbourhood, shortest paths), all as the
 * caller may see it and in the shared period; charts saved per case with their layout;
 * GraphML/GEXF export (disclosure, watermarked) and import (a chart of the file's own graph).
 */
import { z } from 'zod';
import {
  CaseGraphOut,
  ChartBody,
  ChartImportBody,
  ChartOut,
  ChartSummaryOut,
  GraphQuery,
  graphFormats,
  NeighbourhoodQuery,
  PathsOut,
  PathsQuery,
} from '../../../shared/contracts/charts.ts';
import {
  createChart,
  deleteChart,
  exportChart,
  getChart,
  importChart,
  listCharts,
  updateChart,
} from '../../../services/views/charts.ts';
import { neighbourhoodGraph, pathsBetween, wholeGraph } from '../../../services/views/graph.ts';
import { MiB } from '../../http/route.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

const ChartParams = CaseParams.extend({ chartId: z.string().min(1).max(200) });
const read = { case: 'case:read' } as const;
const write = { case: 'case:write' } as const;

export function chartRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/graph',
    tag: 'charts',
    summary: 'The whole case as a graph (entities, links, money between accounts) when it has at most maxNodes nodes',
    params: CaseParams,
    query: GraphQuery,
    response: CaseGraphOut,
    access: read,
    audit: { action: 'consultation', target: 'graph' },
    handler: async ({ store, query, access, auditIds, auditDetail }) => {
      const out = await wholeGraph(store, access, query);
      auditIds(out.nodes.map((n) => n.id));
      auditDetail.count = out.total;
      return out;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/graph/neighbourhood',
    tag: 'charts',
    summary: 'The entities up to `steps` links or money flows from the given ones, with the links among them',
    params: CaseParams,
    query: NeighbourhoodQuery,
    response: CaseGraphOut,
    access: read,
    audit: { action: 'consultation', target: 'graph' },
    handler: async ({ store, query, access, auditIds, auditDetail }) => {
      const out = await neighbourhoodGraph(store, access, query);
      auditIds(out.nodes.map((n) => n.id));
      auditDetail.steps = query.steps;
      return out;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/graph/paths',
    tag: 'charts',
    summary: 'Shortest paths (fewest links) between two entities, ties in a stable order',
    params: CaseParams,
    query: PathsQuery,
    response: PathsOut,
    access: read,
    audit: { action: 'combination', target: 'graph' },
    handler: async ({ store, query, access, auditIds }) => {
      const out = await pathsBetween(store, access, query);
      auditIds(out.graph.nodes.map((n) => n.id));
      return out;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/charts',
    tag: 'charts',
    summary: 'Charts saved in the case, newest first',
    params: CaseParams,
    response: z.object({ charts: z.array(ChartSummaryOut) }),
    access: read,
    audit: { action: 'consultation', target: 'charts' },
    handler: async ({ store, caseId }) => {
      return { charts: await listCharts(store, caseId) };
    },
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/charts',
    tag: 'charts',
    summary: 'Save a chart: its entities with positions, pinned nodes, filters and period',
    status: 201,
    params: CaseParams,
    body: ChartBody,
    bodyLimit: 8 * MiB,
    response: ChartOut,
    access: write,
    audit: { action: 'collection', target: 'chart' },
    handler: async ({ store, caseId, actor, body, setAuditTarget, auditDetail }) => {
      const out = await createChart(store, actor, caseId, body);
      setAuditTarget(out.id);
      auditDetail.count = out.nodes;
      return out;
    },
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/charts/import',
    tag: 'charts',
    summary: 'Import a GraphML or GEXF file as a chart of its own nodes and edges',
    status: 201,
    params: CaseParams,
    body: ChartImportBody,
    bodyLimit: 24 * MiB,
    response: ChartOut,
    access: write,
    audit: { action: 'collection', target: 'chart' },
    handler: async ({ store, caseId, actor, body, setAuditTarget, auditDetail }) => {
      const out = await importChart(store, actor, caseId, body);
      setAuditTarget(out.id);
      Object.assign(auditDetail, { format: body.format, count: out.nodes });
      return out;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/charts/:chartId',
    tag: 'charts',
    summary: "A saved chart with its layout (and an imported chart's own graph)",
    params: ChartParams,
    response: ChartOut,
    access: read,
    audit: { action: 'consultation', target: 'chart', targetParam: 'chartId' },
    handler: async ({ store, params, access, auditIds }) => {
      const out = await getChart(store, access, params.chartId);
      if (!out.graph) auditIds(out.content.nodes.map((n) => n.id));
      return out;
    },
  });

  r({
    method: 'PUT',
    url: '/api/cases/:caseId/charts/:chartId',
    tag: 'charts',
    summary: "Save a chart's new layout or name (optimistic: send the version read)",
    params: ChartParams,
    body: ChartBody.extend({ version: z.number().int().min(1) }),
    bodyLimit: 8 * MiB,
    response: ChartSummaryOut,
    access: write,
    audit: { action: 'alteration', target: 'chart', targetParam: 'chartId' },
    handler: async ({ store, caseId, params, body }) => updateChart(store, caseId, params.chartId, body),
  });

  r({
    method: 'DELETE',
    url: '/api/cases/:caseId/charts/:chartId',
    tag: 'charts',
    summary: 'Delete a saved chart',
    params: ChartParams,
    access: write,
    audit: { action: 'erasure', target: 'chart', targetParam: 'chartId' },
    handler: async ({ store, caseId, params }) => {
      await deleteChart(store, caseId, params.chartId);
      return { deleted: params.chartId };
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/charts/:chartId/export',
    tag: 'charts',
    summary: 'A saved chart as GraphML or GEXF (for Gephi), watermarked',
    params: ChartParams,
    query: z.object({ format: z.enum(graphFormats).default('graphml') }),
    access: read,
    audit: { action: 'disclosure', target: 'chart', targetParam: 'chartId' },
    handler: async ({ store, actor, access, params, query, reply, auditIds, auditDetail }) => {
      const out = await exportChart(store, actor, access, params.chartId, query.format);
      auditIds(out.ids);
      auditDetail.format = query.format;
      const file = `${out.name.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'chart'}.${query.format}`;
      void reply
        .type(
          query.format === 'graphml' ? 'application/graphml+xml; charset=utf-8' : 'application/gexf+xml; charset=utf-8',
        )
        .header('content-disposition', `attachment; filename="${encodeURIComponent(file)}"`);
      return out.text;
    },
  });
}
