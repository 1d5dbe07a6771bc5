/**
 * Pool task: reads a GraphML or GEXF file into a chart's graph and positions on a worker thread
 * (a 50,000-node file takes seconds of XML parsing); the request loop only stores the result.
 */
import { docToChart } from '../../domain/graph/chart.ts';
import { parseGexf } from '../../domain/graph/gexf.ts';
import { parseGraphML } from '../../domain/graph/graphml.ts';
import type { CaseGraphOut } from '../../shared/contracts/views.ts';
import { ChartContent } from '../../shared/contracts/views.ts';
import { errors } from '../../shared/errors.ts';
import { asOutcome } from '../workers/index.ts';
import type { TaskOutcome } from '../workers/index.ts';

export interface ChartFile {
  format: 'graphml' | 'gexf';
  content: string;
}

export interface ReadChart {
  content: ChartContent;
  graph: CaseGraphOut;
}

export function readChartFile(file: ChartFile): ReadChart {
  const doc = file.format === 'graphml' ? parseGraphML(file.content) : parseGexf(file.content);
  if (doc.nodes.length > 50_000)
    throw errors.validation(`The file has ${doc.nodes.length} nodes; a chart holds at most 50,000`, 'content');
  const { graph, positions } = docToChart(doc);
  const content = ChartContent.parse({
    nodes: graph.nodes.map((n) => ({ id: n.id, ...(positions.get(n.id) ?? { x: 0, y: 0 }) })),
    layout: positions.size ? 'manual' : 'force',
  });
  return { content, graph };
}

export default function readChartTask(file: ChartFile): Promise<TaskOutcome<ReadChart>> {
  return asOutcome(() => readChartFile(file));
}
