/**
 * The one way the web app talks to the server: same origin only, the session cookie sent by
 * the browser, and the anti-forgery header on every request that changes something. Errors
 * arrive as `ApiError` with the server's stable code and the field (`path`) at fault.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path: string | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();
/** Called when the server says the session is over (401), so the app can show sign-in. */
export const onUnauthenticated = (fn: Listener): (() => void) => {
  unauthenticatedListeners.add(fn);
  return () => unauthenticatedListeners.delete(fn);
};

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function headersFor(method: string, json: boolean): Record<string, string> {
  return {
    accept: 'application/json',
    ...(json ? { 'content-type': 'application/json' } : {}),
    ...(CHANGES.has(method) ? { 'x-elect-csrf': '1' } : {}),
  };
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: a proxy or a crash page; report the status alone
  }
  const e = (body as { error?: { code?: string; message?: string; path?: string } } | null)?.error;
  return new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? `HTTP ${res.status}`, e?.path ?? null);
}

export async function api<T>(
  method: string,
  url: string,
  body?: unknown,
  signal?: AbortSignal,
  extraHeaders?: Record<string, string>,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { ...headersFor(method, body !== undefined), ...extraHeaders },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'The server could not be reached', null);
  }
  if (!res.ok) {
    const err = await errorOf(res);
    if (res.status === 401 && !url.startsWith('/api/auth/login')) for (const fn of unauthenticatedListeners) fn();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const get = <T>(url: string, signal?: AbortSignal) => api<T>('GET', url, undefined, signal);

/** Query string from defined values; arrays repeat the key. */
export function qs(params: Record<string, string | number | boolean | readonly string[] | undefined | null>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v) sp.append(k, String(item));
    else sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/**
 * Sends a file as the raw request body with upload progress (fetch cannot report it), as the
 * server's streamed-upload routes expect.
 */
export function uploadFile<T>(
  url: string,
  file: Blob,
  onProgress?: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(headersFor('POST', false))) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload did not reach the server', null));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // handled below
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const e = (body as { error?: { code?: string; message?: string; path?: string } } | null)?.error;
      if (xhr.status === 401) for (const fn of unauthenticatedListeners) fn();
      reject(new ApiError(xhr.status, e?.code ?? 'http_error', e?.message ?? `HTTP ${xhr.status}`, e?.path ?? null));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
