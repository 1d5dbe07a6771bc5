/**
 * Lessons are Markdown, rendered to HTML here with micromark (CommonMark + GitHub tables).
 * Raw HTML written in a lesson is escaped, never passed through, and links with script-like
 * protocols are dropped: a lesson file cannot inject markup into the workspace or a SCORM
 * package. Images may only name a file in the course's `images/` folder.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import YAML from 'yaml';
import type { z } from 'zod';

export interface FrontMatterDoc<T> {
  front: T;
  body: string;
}

/** Splits `---\n<yaml>\n---\n<markdown>` and checks the YAML with `schema`. */
export function parseFrontMatter<T>(text: string, schema: z.ZodType<T>, where: string): FrontMatterDoc<T> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) throw new ContentError(`${where}: starts with no front matter (--- … ---)`);
  let raw: unknown;
  try {
    raw = YAML.parse(m[1] ?? '');
  } catch (e) {
    throw new ContentError(`${where}: front matter is not YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const r = schema.safeParse(raw);
  if (!r.success)
    throw new ContentError(
      `${where}: ${r.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`,
    );
  return { front: r.data, body: m[2] ?? '' };
}

/** A content file that does not parse; names the file and the field. */
export class ContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentError';
  }
}

export const IMAGE_NAME = /^[a-z0-9][a-z0-9-]*\.(svg|png)$/;

/**
 * Markdown → safe HTML. `imageBase` is where the course's images are served from (the API
 * route, or `images/` inside a SCORM package); images naming anything else are removed.
 */
export function renderMarkdown(markdown: string, imageBase: string): string {
  const html = micromark(markdown, {
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
  });
  return html.replace(
    /<img src="([^"]*)" alt="([^"]*)"( title="[^"]*")? \/>/g,
    (_all, src: string, alt: string, title: string | undefined) => {
      const name = src.startsWith('images/') ? src.slice('images/'.length) : '';
      if (!IMAGE_NAME.test(name)) return `<span class="lesson-missing-image">${alt}</span>`;
      return `<img src="${imageBase}${name}" alt="${alt}"${title ?? ''} loading="lazy" />`;
    },
  );
}

/** The image files a Markdown text refers to (for the SCORM manifest and the content test). */
export function imagesOf(markdown: string): string[] {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/!\[[^\]]*\]\(images\/([^)\s]+)/g)) if (m[1]) out.add(m[1]);
  return [...out];
}

/** Plain text of a Markdown snippet (titles in PDFs). */
export const stripMarkdown = (s: string): string =>
  s
    .replace(/[*_`#>[\]]/g, '')
    .replace(/\(([^)]*)\)/g, '')
    .trim();
