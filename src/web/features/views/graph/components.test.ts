import { describe, expect, it } from 'vitest';
import type { CaseGraphOut, ChartEdgeOut, ChartNodeOut } from '../../../../shared/contracts/views.ts';
import { connectedParts, isolatedNodes, partPositions } from './components.ts';
import { drawnGraph, EMPTY_FILTERS } from './drawn.ts';

const node = (id: string, schema = 'Person'): ChartNodeOut => ({
  id,
  schema,
  caption: id,
  pseudonymised: false,
  status: null,
  tags: [],
  reliability: 'B',
  information: '2',
});
const edge = (source: string, target: string, kind: ChartEdgeOut['kind'] = 'link'): ChartEdgeOut => ({
  id: `${source}>${target}`,
  kind,
  schema: kind === 'selector' ? 'Selector' : 'Associate',
  source,
  target,
  label: null,
});

// Two people sharing a phone, a company with its owner, and two loose selectors.
const data: CaseGraphOut = {
  nodes: [node('p1'), node('p2'), node('n1', 'Phone'), node('c1', 'Company'), node('p3'), node('n2', 'Phone')].concat([
    node('e1', 'EmailAddress'),
  ]),
  edges: [edge('p1', 'n1', 'selector'), edge('p2', 'n1', 'selector'), edge('p3', 'c1')],
  truncated: false,
  total: 7,
};

describe('connected parts of the chart', () => {
  it('groups nodes by connected part, largest first', () => {
    const parts = connectedParts(
      data.nodes.map((n) => n.id),
      data.edges,
    );
    expect(parts.map((p) => [...p].sort())).toEqual([['n1', 'p1', 'p2'], ['c1', 'p3'], ['e1'], ['n2']]);
  });

  it('finds the nodes without any link, keeping the focus', () => {
    expect([...isolatedNodes(data, new Set())].sort()).toEqual(['e1', 'n2']);
    expect([...isolatedNodes(data, new Set(['n2']))]).toEqual(['e1']);
  });

  it('places the largest part in the middle and no two nodes on one spot', () => {
    const at = partPositions(
      connectedParts(
        data.nodes.map((n) => n.id),
        data.edges,
      ),
    );
    const r = (id: string) => Math.hypot(at.get(id)?.x ?? NaN, at.get(id)?.y ?? NaN);
    expect(Math.max(r('p1'), r('p2'), r('n1'))).toBeLessThan(Math.min(r('p3'), r('c1'), r('e1'), r('n2')));
    expect(new Set([...at.values()].map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`)).size).toBe(7);
  });

  it('draws the chart without the hidden nodes, with type icons and light unlabelled selector edges', () => {
    const g = drawnGraph(data, {
      filters: EMPTY_FILTERS,
      positions: new Map(),
      hidden: isolatedNodes(data, new Set()),
      pinned: new Set(),
      community: null,
      sizeBy: null,
      nodeLabel: (n) => n.caption,
      edgeLabel: () => 'link',
    });
    expect(g.nodes().sort()).toEqual(['c1', 'n1', 'p1', 'p2', 'p3']);
    expect(g.getNodeAttribute('n1', 'icon')).not.toBe(g.getNodeAttribute('p1', 'icon'));
    // The shared phone is the most linked node: drawn largest, so its label comes first.
    expect(g.getNodeAttribute('n1', 'size')).toBeGreaterThan(g.getNodeAttribute('p1', 'size'));
    expect(g.getEdgeAttributes('p1>n1')).toMatchObject({ label: '', kind: 'selector', size: 1 });
    expect(g.getEdgeAttribute('p3>c1', 'label')).toBe('link');
  });
});
