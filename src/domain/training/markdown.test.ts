import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imagesOf, parseFrontMatter, renderMarkdown } from './markdown.ts';
import { lessonFrontSchema } from './schema.ts';

describe('lesson Markdown', () => {
  it('renders headings, tables and course images', () => {
    const html = renderMarkdown(
      '# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![Chain](images/chain.svg "The chain")',
      '/api/x/images/',
    );
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<table>');
    expect(html).toContain('<img src="/api/x/images/chain.svg" alt="Chain" title="The chain" loading="lazy" />');
  });

  it('escapes raw HTML and drops script links and foreign images', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n![t](https://evil.example/a.png)\n\n![u](images/../../etc/passwd)',
      '/img/',
    );
    expect(html).not.toMatch(/<script|<img src=x|<[^>]*onerror=|javascript:|evil\.example|passwd/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('never emits a script, an event handler or a foreign image, whatever the text (property)', () => {
    const piece = fc.constantFrom(
      '<script>',
      '</script>',
      '<img src=x onerror=alert(1)>',
      '[a](javascript:x)',
      '![i](http://h/x.png)',
      '![i](images/ok.svg)',
      '<a href="x" onclick="y">',
      '**b**',
      '\n\n',
      '`c`',
      '<iframe src=x>',
      '"',
      "'",
      '<svg onload=x>',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 20 }), (parts) => {
        const html = renderMarkdown(parts.join(' '), '/img/');
        expect(html).not.toMatch(/<(script|iframe|svg)\b/i);
        expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
        for (const m of html.matchAll(/<img src="([^"]*)"/g)) expect(m[1]).toMatch(/^\/img\/[a-z0-9-]+\.(svg|png)$/);
      }),
    );
  });

  it('reads front matter, naming the file and field at fault', () => {
    const doc = parseFrontMatter(
      '---\ntitle: A lesson\nsources:\n  - title: Some public source\n---\nBody text',
      lessonFrontSchema,
      'x.md',
    );
    expect(doc.front.title).toBe('A lesson');
    expect(doc.body).toBe('Body text');
    expect(() => parseFrontMatter('---\ntitle: A lesson\nsources: []\n---\nBody', lessonFrontSchema, 'y.md')).toThrow(
      /y\.md: sources/,
    );
    expect(() => parseFrontMatter('No front matter', lessonFrontSchema, 'z.md')).toThrow(/z\.md/);
  });

  it('lists the images a lesson uses', () => {
    expect(imagesOf('a ![x](images/a.svg) b ![y](images/b.png "t") ![x](images/a.svg)')).toEqual(['a.svg', 'b.png']);
  });
});
