/**
 * GraphML and GEXF: Gephi's Les Misérables files (read in place from the shared fixtures) come
 * in with all their nodes, edges and attributes, and go out and back in unchanged; any document
 * survives a write and a read (fast-check); bad files are refused naming the place.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeWithFixtures, fixtureText } from '../../../test/support/fixtures.ts';
import { isAppError } from '../../shared/errors.ts';
import { chartToDoc, docToChart } from './chart.ts';
import { parseGexf, serialiseGexf } from './gexf.ts';
import { parseGraphML, serialiseGraphML } from './graphml.ts';
import type { AttrDef, AttrValue, GraphDoc } from './model.ts';

const graphml = () => fixtureText('graph', 'graphology_miserables.graphml');
const gexf = () => fixtureText('graph', 'graphology_les_miserables.gexf');

const undirectedPairs = (doc: GraphDoc) => new Set(doc.edges.map((e) => [e.source, e.target].sort().join('~')));

describeWithFixtures('the Les Misérables fixtures', () => {
  it('GraphML: 77 nodes, 254 edges, keys typed as declared', () => {
    const doc = parseGraphML(graphml());
    expect(doc.nodes).toHaveLength(77);
    expect(doc.edges).toHaveLength(254);
    expect(doc.directed).toBe(false);
    expect(doc.nodeAttrs.map((a) => a.title).sort()).toEqual([
      'Modularity Class',
      'b',
      'g',
      'label',
      'r',
      'size',
      'x',
      'y',
    ]);
    const valjean = doc.nodes.find((n) => n.id === '11');
    expect(valjean?.attributes).toEqual({
      label: 'Valjean',
      modularity_class: 1,
      size: 100,
      r: 245,
      g: 91,
      b: 91,
      x: -87.93029,
      y: 6.8120565,
    });
    expect(doc.edges.every((e) => typeof e.attributes.weight === 'number')).toBe(true);
    expect(doc.edges.find((e) => e.id === '249')).toMatchObject({
      source: '76',
      target: '66',
      attributes: { weight: 1 },
    });
    expect(new Set(doc.nodes.map((n) => n.attributes.label)).size).toBe(77);
  });

  it('GEXF: 77 nodes, 254 edges, labels, attvalues, weights and viz', () => {
    const doc = parseGexf(gexf());
    expect(doc.nodes).toHaveLength(77);
    expect(doc.edges).toHaveLength(254);
    expect(doc.directed).toBe(true);
    expect(doc.meta.Title).toContain('Les Misérables');
    expect(doc.nodeAttrs).toEqual([
      { id: 'authority', title: 'Authority', type: 'float' },
      { id: 'hub', title: 'Hub', type: 'float' },
    ]);
    expect(doc.nodes[0]).toEqual({
      id: '0.0',
      label: 'Myriel',
      attributes: { authority: 0.01880342, hub: 0.01880342 },
      viz: { size: 22.714287, color: { r: 216, g: 72, b: 45 }, x: 268.72385, y: 91.18155, z: 0 },
    });
    expect(doc.edges.find((e) => e.id === '1')).toMatchObject({ source: '2.0', target: '0.0', weight: 8 });
    expect(doc.edges.filter((e) => e.weight !== undefined)).toHaveLength(157);
  });

  it('the two files are the same network: the same characters and the same co-appearances', () => {
    const ml = parseGraphML(graphml());
    const gx = parseGexf(gexf());
    const labelsMl = new Map(ml.nodes.map((n) => [n.id, String(n.attributes.label)]));
    const labelsGx = new Map(gx.nodes.map((n) => [n.id, n.label ?? '']));
    expect([...labelsMl.values()].sort()).toEqual([...labelsGx.values()].sort());
    const named = (doc: GraphDoc, labels: Map<string, string>) =>
      new Set(doc.edges.map((e) => [labels.get(e.source), labels.get(e.target)].sort().join('~')));
    expect(named(ml, labelsMl)).toEqual(named(gx, labelsGx));
    expect(undirectedPairs(ml).size).toBe(254);
  });

  it('export then import gives back the fixture, in both formats', () => {
    const ml = parseGraphML(graphml());
    expect(parseGraphML(serialiseGraphML(ml))).toEqual(ml);
    const gx = parseGexf(gexf());
    expect(parseGexf(serialiseGexf(gx))).toEqual(gx);
  });

  it('an imported file becomes a chart with its labels and positions', () => {
    const { graph, positions } = docToChart(parseGexf(gexf()));
    expect(graph.nodes).toHaveLength(77);
    expect(graph.edges).toHaveLength(254);
    expect(graph.nodes.find((n) => n.id === '0.0')?.caption).toBe('Myriel');
    expect(positions.get('0.0')).toEqual({ x: 268.72385, y: 91.18155 });
    const fromMl = docToChart(parseGraphML(graphml()));
    expect(fromMl.graph.nodes.find((n) => n.id === '11')?.caption).toBe('Valjean');
    expect(fromMl.positions.get('11')).toEqual({ x: -87.93029, y: 6.8120565 });
  });

  it('a chart exported and imported again keeps captions, types and positions', () => {
    const { graph, positions } = docToChart(parseGraphML(graphml()));
    for (const format of ['graphml', 'gexf'] as const) {
      const doc = chartToDoc(graph, positions, format, 'Les Misérables');
      const text = format === 'graphml' ? serialiseGraphML(doc) : serialiseGexf(doc);
      const back = docToChart(format === 'graphml' ? parseGraphML(text) : parseGexf(text));
      expect(back.graph.nodes.map((n) => [n.id, n.caption])).toEqual(graph.nodes.map((n) => [n.id, n.caption]));
      expect(back.graph.edges.map((e) => [e.source, e.target])).toEqual(graph.edges.map((e) => [e.source, e.target]));
      expect(back.positions).toEqual(positions);
    }
  });
});

describe('bad files are refused with the place named', () => {
  const fails = (f: () => unknown, path: RegExp) => {
    try {
      f();
    } catch (e) {
      expect(isAppError(e)).toBe(true);
      expect((e as { path?: string }).path).toMatch(path);
      return;
    }
    throw new Error('accepted a bad file');
  };
  it('not well-formed: the line', () =>
    fails(() => parseGraphML('<graphml>\n<graph>\n<node id="a">\n</graph></graphml>'), /^line \d+$/));
  it('a DOCTYPE', () => fails(() => parseGexf('<!DOCTYPE x [<!ENTITY a "b">]><gexf/>'), /^line 1$/));
  it('a DOCTYPE after the first 4 KB, in GraphML and GEXF alike', () => {
    const padding = `<!--${' '.repeat(5000)}-->\n`;
    const dtd = '<!DOCTYPE g [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n';
    fails(() => parseGraphML(`<?xml version="1.0"?>\n${padding}${dtd}<graphml>&x;</graphml>`), /^line 3$/);
    fails(() => parseGexf(`<?xml version="1.0"?>\n${padding}${dtd}<gexf>&x;</gexf>`), /^line 3$/);
  });
  it('an entity declared outside a DOCTYPE', () =>
    fails(() => parseGraphML('<graphml>\n<!ENTITY x SYSTEM "http://example.org/x">\n</graphml>'), /^line 2$/));
  it('an edge to a missing node', () =>
    fails(
      () => parseGraphML('<graphml><graph><node id="a"/><edge source="a" target="b"/></graph></graphml>'),
      /^edges\[0\]$/,
    ));
  it('a value not of its type', () =>
    fails(
      () =>
        parseGexf(
          '<gexf><graph><attributes class="node"><attribute id="n" title="n" type="integer"/></attributes><nodes><node id="a"><attvalues><attvalue for="n" value="x"/></attvalues></node></nodes></graph></gexf>',
        ),
      /^nodes\[0\]\.attvalues\[0\]$/,
    ));
  it('a duplicate node id', () =>
    fails(() => parseGexf('<gexf><graph><nodes><node id="a"/><node id="a"/></nodes></graph></gexf>'), /^nodes\[1\]$/));
});

// Any text XML can carry (no other control characters, no lone surrogates, no non-characters).
const forbidden = (c: string) => {
  const n = c.codePointAt(0) ?? 0;
  return (n < 0x20 && n !== 9 && n !== 10 && n !== 13) || n === 0xfffe || n === 0xffff;
};
const xmlText = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => ![...s].some(forbidden));
const attrId = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/);
const TYPES = {
  graphml: ['string', 'int', 'double', 'boolean'],
  gexf: ['string', 'integer', 'double', 'boolean'],
} as const;

function valueOf(type: string): fc.Arbitrary<AttrValue> {
  if (type === 'int' || type === 'integer') return fc.integer({ min: -1e9, max: 1e9 });
  if (type === 'double')
    return fc
      .double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })
      .map((x) => (Object.is(x, -0) ? 0 : x));
  if (type === 'boolean') return fc.boolean();
  return xmlText;
}

function docs(format: 'graphml' | 'gexf'): fc.Arbitrary<GraphDoc> {
  const defs = fc.uniqueArray(
    fc.record({ id: attrId, title: xmlText.filter((t) => t.length > 0), type: fc.constantFrom(...TYPES[format]) }),
    { selector: (d) => d.id, maxLength: 4 },
  );
  return fc
    .record({
      nodeDefs: defs,
      edgeDefs: defs,
      ids: fc.uniqueArray(
        xmlText.filter((s) => s.length > 0),
        { minLength: 1, maxLength: 8 },
      ),
      directed: fc.boolean(),
    })
    .chain(({ nodeDefs, edgeDefs, ids, directed }) => {
      const values = (list: readonly AttrDef[]) =>
        fc.record(
          Object.fromEntries(list.map((d) => [d.id, valueOf(d.type)])) as Record<string, fc.Arbitrary<AttrValue>>,
          { requiredKeys: [] },
        );
      const node = (id: string) =>
        format === 'gexf'
          ? fc.record({
              id: fc.constant(id),
              label: fc.option(xmlText, { nil: undefined }),
              attributes: values(nodeDefs),
              viz: fc.option(fc.record({ x: fc.integer(), y: fc.integer(), size: fc.integer({ min: 1, max: 100 }) }), {
                nil: undefined,
              }),
            })
          : fc.record({ id: fc.constant(id), attributes: values(nodeDefs) });
      const edge = fc.record({
        id: fc.option(attrId, { nil: undefined }),
        source: fc.constantFrom(...ids),
        target: fc.constantFrom(...ids),
        directed: fc.option(fc.boolean(), { nil: undefined }),
        attributes: values(edgeDefs),
        ...(format === 'gexf'
          ? {
              label: fc.option(xmlText, { nil: undefined }),
              weight: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
            }
          : {}),
      });
      return fc.record({
        directed: fc.constant(directed),
        meta:
          format === 'gexf'
            ? fc.record({ creator: xmlText, description: xmlText }, { requiredKeys: [] })
            : fc.constant({}),
        nodeAttrs: fc.constant(nodeDefs),
        edgeAttrs: fc.constant(edgeDefs),
        nodes: fc.tuple(...ids.map(node)),
        edges: fc.array(edge, { maxLength: 10 }),
      }) as fc.Arbitrary<GraphDoc>;
    });
}

/** Optional fields left undefined are absent once read back; compare without them. */
const clean = (doc: GraphDoc): GraphDoc => JSON.parse(JSON.stringify(doc)) as GraphDoc;

describe('any document survives a write and a read', () => {
  it('GraphML', () => {
    fc.assert(
      fc.property(docs('graphml'), (doc) => {
        expect(parseGraphML(serialiseGraphML(doc))).toEqual(clean(doc));
      }),
      { numRuns: 200 },
    );
  });
  it('GEXF', () => {
    fc.assert(
      fc.property(docs('gexf'), (doc) => {
        expect(parseGexf(serialiseGexf(doc))).toEqual(clean(doc));
      }),
      { numRuns: 200 },
    );
  });
});
