/**
 * Limits applied while a request body arrives, before anything parses it: the byte limit that
 * fits the route and the caller (an unauthenticated caller gets a few KB), a bounded JSON nesting
 * depth checked byte by byte as the body streams in, and a deadline for the whole body, so a
 * deeply nested or oversized body costs the server a byte scan, never a parse, and a slow client
 * cannot hold a request open.
 */
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { AppError } from '../../shared/errors.ts';

export interface BodyLimits {
  /** Bytes a request without a signed-in user (or partner signature) may send to a public route. */
  unauthenticatedBytes: number;
  /** Deepest nesting of objects and arrays a JSON body may have. */
  maxJsonDepth: number;
  /** Time allowed for a JSON body to arrive, once its headers are in. */
  jsonBodyMs: number;
}

export const DEFAULT_BODY_LIMITS: BodyLimits = {
  unauthenticatedBytes: 8 * 1024,
  maxJsonDepth: 32,
  jsonBodyMs: 30_000,
};

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const refusals = new WeakSet<Error>();
/** A body refused while it arrived: the rest of it is not read, so the connection is closed. */
export const isBodyRefusal = (e: unknown): boolean => e instanceof Error && refusals.has(e);
const refusal = (e: AppError): AppError => {
  refusals.add(e);
  return e;
};

export const tooLarge = (limit: number): AppError =>
  refusal(
    new AppError('payload_too_large', `The request body is larger than this route accepts (${limit} bytes)`, 'body'),
  );

/**
 * Passes a JSON body through unchanged while counting its bytes and tracking its nesting depth
 * (outside strings); fails as soon as either limit is passed or the deadline expires.
 */
export class JsonBodyGuard extends Transform {
  receivedEncodedLength = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly maxBytes: number,
    private readonly maxDepth: number,
    deadlineMs: number,
  ) {
    super();
    this.timer = setTimeout(() => {
      this.destroy(
        refusal(new AppError('request_timeout', `The request body did not arrive within ${deadlineMs} ms`, 'body')),
      );
    }, deadlineMs);
    this.timer.unref();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.receivedEncodedLength += chunk.length;
    // Depth first: the chunk is at most a socket read, and a too-deep body says so at once.
    let { depth, inString, escaped } = this;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
      } else if (b === QUOTE) inString = true;
      else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
        if (++depth > this.maxDepth)
          return done(
            refusal(new AppError('bad_request', `The JSON body is nested deeper than ${this.maxDepth} levels`, 'body')),
          );
      } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) depth--;
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    if (this.receivedEncodedLength > this.maxBytes) return done(tooLarge(this.maxBytes));
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    clearTimeout(this.timer);
    done();
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    clearTimeout(this.timer);
    done(error);
  }
}

let parsed = 0;
/** How many JSON bodies this process has parsed: tests prove a refused body never got this far. */
export const jsonBodiesParsed = (): number => parsed;

/** Called by the one JSON body parser (jsonBody.ts) each time it parses a body. */
export function noteJsonParsed(): void {
  parsed++;
}
