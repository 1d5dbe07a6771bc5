/**
 * ANX: any chart survives a write and a read (fast-check), the XML is well-formed, and broken
 * files are refused naming the chart item.
 */
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/errors.ts';
import { parseAnx, serialiseAnx } from './anx.ts';
import type { AnxChart } from './anx.ts';

// XML 1.0 characters only (no C0 controls but tab, newline, carriage return), any script.
const xmlText = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom('a', 'Ā', 'ž', 'õ', 'ä', 'Ж', '&', '<', '>', '"', "'", ' ', '\n', '\t', '—', '💼'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 30,
  })
  // eslint-disable-next-line no-control-regex -- removing the characters XML 1.0 cannot carry is the point
  .map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/\r/g, ''));
const id = fc.stringMatching(/^[A-Za-z0-9._:-]{1,20}$/);
const day = fc
  .date({ min: new Date('1950-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const attrs = fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z]{0,10}$/), xmlText, { maxKeys: 3 });

const chart: fc.Arbitrary<AnxChart> = fc.uniqueArray(id, { minLength: 0, maxLength: 8 }).chain((ids) =>
  fc.record({
    entities: fc
      .tuple(
        ...ids.map((i) =>
          fc.record({
            id: fc.constant(i),
            type: fc.constantFrom('Person', 'Company', 'BankAccount', 'Phone'),
            icon: fc.constantFrom('Person', 'Organisation', 'Account', 'Generic'),
            label: xmlText,
            x: fc.integer({ min: -5000, max: 5000 }),
            y: fc
              .double({ min: -5000, max: 5000, noNaN: true, noDefaultInfinity: true })
              .map((v) => (Object.is(v, -0) ? 0 : v)),
            date: fc.option(day, { nil: undefined }),
            description: fc.option(
              xmlText.filter((s) => s !== ''),
              { nil: undefined },
            ),
            attributes: attrs,
          }),
        ),
      )
      .map((xs) => [...xs]),
    links: ids.length
      ? fc.uniqueArray(
          fc.record({
            id,
            end1: fc.constantFrom(...ids),
            end2: fc.constantFrom(...ids),
            type: fc.constantFrom('Directorship', 'Money', 'Recruitment'),
            label: xmlText,
            date: fc.option(day, { nil: undefined }),
            description: fc.constant(undefined),
            attributes: attrs,
          }),
          { selector: (l) => l.id, maxLength: 10 },
        )
      : fc.constant([]),
  }),
);

describe('ANX', () => {
  it('any chart is written as well-formed XML and read back unchanged', () => {
    fc.assert(
      fc.property(chart, (c) => {
        const text = serialiseAnx(c, 'Chart -- test');
        expect(XMLValidator.validate(text)).toBe(true);
        expect(parseAnx(text)).toEqual(c);
      }),
      { numRuns: 300 },
    );
  });

  it('declares every entity and link type once', () => {
    const text = serialiseAnx({
      entities: [
        { id: 'p1', type: 'Person', icon: 'Person', label: 'Jānis Bērziņš', x: 1, y: 2, attributes: {} },
        {
          id: 'p2',
          type: 'Person',
          icon: 'Person',
          label: 'Мария',
          x: 3,
          y: 4,
          date: '2024-03-01',
          attributes: { schema: 'Person' },
        },
      ],
      links: [{ id: 'l1', end1: 'p1', end2: 'p2', type: 'Associate', label: 'knows', attributes: {} }],
    });
    expect(text.match(/<EntityType /g)).toHaveLength(1);
    expect(text.match(/<LinkType /g)).toHaveLength(1);
    expect(text).toContain('DateTime="2024-03-01T00:00:00"');
    expect(text).toContain('Label="Мария"');
  });

  it("reads a file written by hand the way Analyst's Notebook writes it", () => {
    const c =
      parseAnx(`<?xml version="1.0"?><Chart><EntityTypeCollection><EntityType Name="Man" IconFile="Person"/></EntityTypeCollection>
      <ChartItemCollection>
        <ChartItem Label="A" DateSet="true" DateTime="2020-05-01T10:30:00"><End X="10" Y="20"><Entity EntityId="e1" Identity="A"><Icon><IconStyle Type="Man"/></Icon></Entity></End></ChartItem>
        <ChartItem Label="B"><End X="30" Y="40"><Entity Identity="B"><Icon><IconStyle Type="Man"/></Icon></Entity></End></ChartItem>
        <ChartItem Label="calls"><Link End1Id="A" End2Id="B"><LinkStyle Type="Telephone"/></Link></ChartItem>
      </ChartItemCollection></Chart>`);
    expect(c.entities.map((e) => [e.id, e.type, e.icon, e.x, e.y, e.date])).toEqual([
      ['A', 'Man', 'Person', 10, 20, '2020-05-01T10:30:00'],
      ['B', 'Man', 'Person', 30, 40, undefined],
    ]);
    expect(c.links).toMatchObject([{ end1: 'A', end2: 'B', type: 'Telephone', label: 'calls' }]);
  });

  it.each([
    [
      '<Chart><ChartItemCollection><ChartItem><End><Entity/></End></ChartItem></ChartItemCollection></Chart>',
      'ChartItem[0]',
    ],
    [
      '<Chart><ChartItemCollection><ChartItem><End X="x1"><Entity Identity="a"/></End></ChartItem></ChartItemCollection></Chart>',
      'ChartItem[0]',
    ],
    [
      '<Chart><ChartItemCollection><ChartItem><Link End1Id="a" End2Id="b"/></ChartItem></ChartItemCollection></Chart>',
      'link[0]',
    ],
    ['<Chart><ChartItemCollection>', 'line'],
    ['<graphml/>', 'line 1'],
  ])('refuses %s naming %s', (text, where) => {
    try {
      parseAnx(text);
      expect.unreachable('accepted a broken file');
    } catch (e) {
      expect(isAppError(e) ? e.path : String(e)).toContain(where);
    }
  });
});
