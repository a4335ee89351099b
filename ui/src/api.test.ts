// Unit tests for the browser transport in api.ts: token handling, request shape, ApiError on failure.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let href: string;
let session: Map<string, string>;
let fetchMock: ReturnType<typeof vi.fn>;

function respond(status: number, body: unknown) {
  fetchMock.mockResolvedValueOnce(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

beforeEach(() => {
  vi.resetModules();
  href = 'http://127.0.0.1:4817/?token=cafe01#article=3';
  session = new Map();
  fetchMock = vi.fn();
  vi.stubGlobal('window', { get location() { return { href }; } });
  vi.stubGlobal('history', { state: null, replaceState: (_s: unknown, _t: string, url: string) => (href = new URL(url, href).href) });
  vi.stubGlobal('sessionStorage', { getItem: (k: string) => session.get(k) ?? null, setItem: (k: string, v: string) => session.set(k, v) });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('call (browser mode)', () => {
  it('posts JSON to /api/<cmd> with the token, keeps it in sessionStorage and strips it from the URL', async () => {
    const { call } = await import('./api');
    respond(200, { total: 0, items: [] });
    const page = await call('list_articles', { annotator: 'Amina', query: 'حموشي' });
    expect(page).toEqual({ total: 0, items: [] });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/list_articles');
    expect(init.method).toBe('POST');
    expect(init.headers['x-hashiya-token']).toBe('cafe01');
    expect(JSON.parse(init.body)).toEqual({ annotator: 'Amina', query: 'حموشي' });
    expect(session.get('hashiya.token')).toBe('cafe01');
    expect(href).toBe('http://127.0.0.1:4817/#article=3');
  });

  it('uses the stored token after a reload without ?token=', async () => {
    href = 'http://127.0.0.1:4817/';
    session.set('hashiya.token', 'beef02');
    const { call } = await import('./api');
    respond(200, []);
    await call('list_labels', {});
    expect(fetchMock.mock.calls[0][1].headers['x-hashiya-token']).toBe('beef02');
  });

  it('throws the ApiError body of a non-2xx answer', async () => {
    const { call, ApiError } = await import('./api');
    respond(403, { kind: 'forbidden', message: 'only Omar can change this span' });
    const err = await call('delete_span', { id: 1, annotator: 'Amina' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.kind).toBe('forbidden');
    expect(err.message).toBe('only Omar can change this span');
  });

  it('explains a missing token and an unreachable server', async () => {
    href = 'http://127.0.0.1:4817/';
    let mod = await import('./api');
    await expect(mod.call('list_labels', {})).rejects.toMatchObject({ kind: 'unauthorized' });
    vi.resetModules();
    session.set('hashiya.token', 'cafe01');
    mod = await import('./api');
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(mod.call('list_labels', {})).rejects.toMatchObject({ kind: 'network' });
  });

  it('reports a non-JSON error status clearly', async () => {
    const { call } = await import('./api');
    fetchMock.mockResolvedValueOnce(new Response('oops', { status: 502, statusText: 'Bad Gateway' }));
    await expect(call('project_info', {})).rejects.toMatchObject({ kind: 'http', message: expect.stringContaining('502') });
  });
});
