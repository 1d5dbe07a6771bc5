/**
 * The crawl itself: each route of the table as each subject, every response read as text (JSON,
 * CSV, XML as they are; PDF through pdftotext; ZIP entry by entry; error bodies too), and every
 * canary looked for. Leaks name route, subject, canary kind and the JSON field it sat in; blind
 * entries name a route where the lead did not find a kind the table says it shows.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { REPORT_SECTIONS } from '../../../src/shared/contracts/prosecution.ts';
import type { CrawlEntry } from './routes.ts';
import type { CanaryKind, CanaryWorld, Subject } from './world.ts';
import { canaries, canaryKinds, forbiddenFor, subjects } from './world.ts';

export interface CrawlResult {
  requests: number;
  leaks: string[];
  /** Each leak as `route | subject | kind`, to compare with the list of known leaks. */
  leakKeys: string[];
  blind: string[];
  /** route → kinds the lead found there (to keep the table's `shows` true). */
  found: Record<string, CanaryKind[]>;
}

const digits = (s: string) => s.replace(/\D/g, '');

/** The response as text: PDF and ZIP decoded, JSON re-serialised so escapes are undone. */
export function responseText(contentType: string, raw: Buffer): string {
  if (contentType.includes('pdf') || raw.subarray(0, 5).toString() === '%PDF-') {
    const dir = mkdtempSync(join(tmpdir(), 'canary-'));
    try {
      writeFileSync(join(dir, 'r.pdf'), raw);
      return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (raw.subarray(0, 2).toString() === 'PK') {
    const dir = mkdtempSync(join(tmpdir(), 'canary-'));
    try {
      writeFileSync(join(dir, 'r.zip'), raw);
      const listing = execFileSync('/usr/bin/unzip', ['-l', join(dir, 'r.zip')], { encoding: 'utf8' });
      return `${listing}\n${execFileSync('/usr/bin/unzip', ['-p', join(dir, 'r.zip')], { encoding: 'utf8', maxBuffer: 1 << 28 })}`;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const text = raw.toString('utf8');
  if (contentType.includes('json')) {
    try {
      return JSON.stringify(JSON.parse(text));
    } catch {
      return text;
    }
  }
  return text;
}

/** Whether the text holds the canary (phones by their digits, names in any case). */
export function holds(text: string, kind: CanaryKind, digitsOfText: string): boolean {
  const needle = canaries[kind];
  if (kind.endsWith('Phone')) return digitsOfText.includes(digits(needle).slice(-8));
  return text.toLowerCase().includes(needle.toLowerCase());
}

/** The JSON path of the first string holding the canary, for the failure message. */
function fieldOf(value: unknown, kind: CanaryKind, path = '$'): string | null {
  if (typeof value === 'string') return holds(value, kind, digits(value)) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const f = fieldOf(v, kind, `${path}[${i}]`);
      if (f) return f;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const f = fieldOf(v, kind, `${path}.${k}`);
      if (f) return f;
    }
  }
  return null;
}

function whereIn(text: string, kind: CanaryKind): string {
  try {
    return fieldOf(JSON.parse(text), kind) ?? 'body';
  } catch {
    const i = text.toLowerCase().indexOf(canaries[kind].toLowerCase());
    return i < 0 ? 'body' : `text "…${text.slice(Math.max(0, i - 40), i + 40).replace(/\s+/g, ' ')}…"`;
  }
}

/** The response without the top-level fields that only repeat the caller's own request. */
function withoutEcho(text: string, echo: readonly string[] | undefined): string {
  if (!echo?.length) return text;
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    for (const k of echo) delete body[k];
    return JSON.stringify(body);
  } catch {
    return text;
  }
}

async function reportJob(app: FastifyInstance, token: string, w: CanaryWorld): Promise<string> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const made = await app.inject({
    method: 'POST',
    url: `/api/cases/${w.caseId}/reports`,
    headers,
    payload: JSON.stringify({ sections: REPORT_SECTIONS }),
  });
  if (made.statusCode >= 300) return 'no-job';
  const id = String(made.json<{ id: string }>().id);
  for (let i = 0; i < 600; i++) {
    const s = await app.inject({ method: 'GET', url: `/api/cases/${w.caseId}/reports/${id}`, headers });
    if (s.json<{ status: string }>().status !== 'running') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return id;
}

export async function crawl(
  app: FastifyInstance,
  w: CanaryWorld,
  table: Record<string, CrawlEntry>,
  only: readonly Subject[] = subjects,
): Promise<CrawlResult> {
  const out: CrawlResult = { requests: 0, leaks: [], leakKeys: [], blind: [], found: {} };
  for (const s of only) {
    const forbidden = forbiddenFor(s);
    const jobs = new Map<string, string>();
    for (const [route, entry] of Object.entries(table)) {
      let url = entry.url(w);
      if (entry.reportJob) {
        if (!jobs.has(s)) jobs.set(s, await reportJob(app, w.tokens[s], w));
        url = url.replace('{jobId}', jobs.get(s) ?? 'no-job');
      }
      const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${w.tokens[s]}` } });
      out.requests++;
      const text = withoutEcho(responseText(String(res.headers['content-type'] ?? ''), res.rawPayload), entry.echo);
      const textDigits = digits(text);
      const seen = canaryKinds.filter((k) => holds(text, k, textDigits));
      for (const k of seen) {
        if (!forbidden.has(k)) continue;
        out.leaks.push(`${route} as ${s} (${res.statusCode}): ${k} in ${whereIn(text, k)}`);
        out.leakKeys.push(`${route} | ${s} | ${k}`);
      }
      if (s === 'lead') {
        out.found[route] = seen;
        for (const k of entry.shows)
          if (!seen.includes(k)) out.blind.push(`${route}: the lead does not find ${k} (${res.statusCode})`);
      }
    }
  }
  return out;
}
