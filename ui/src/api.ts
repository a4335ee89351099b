// Typed command client: Tauri invoke('api') on desktop, POST /api/<cmd> with the token in browser mode.

import { invoke } from '@tauri-apps/api/core';
import { SHELL_COMMANDS } from './bindings';
import type { ApiError as ApiErrorShape, Commands, ErrorKind } from './bindings';
import { loadToken } from './token';
import { t } from './i18n';

/** What a failed call reports: the core's kinds, plus the two only a browser-mode client meets. */
export type ClientErrorKind = ErrorKind | 'network' | 'http';

/** A failed command, as `{kind, message}` from the core. */
export class ApiError extends Error {
  constructor(
    public kind: ClientErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** True inside the Tauri desktop shell. */
export function isTauri(): boolean {
  return '__TAURI_INTERNALS__' in window;
}

let token: string | null = null;

function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e && typeof e === 'object' && 'kind' in e && 'message' in e) {
    const o = e as ApiErrorShape;
    return new ApiError(o.kind, String(o.message));
  }
  return new ApiError('internal', typeof e === 'string' ? e : String((e as Error)?.message ?? e));
}

async function viaHttp(cmd: string, args: unknown): Promise<unknown> {
  if (token === null) token = loadToken();
  if (!token) {
    throw new ApiError('unauthorized', t('noToken'));
  }
  let resp: Response;
  try {
    resp = await fetch(`/api/${encodeURIComponent(cmd)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hashiya-token': token },
      body: JSON.stringify(args ?? {}),
    });
  } catch {
    throw new ApiError('network', t('noServer'));
  }
  const body = await resp.text();
  let json: unknown;
  try {
    json = body ? JSON.parse(body) : null;
  } catch {
    json = null;
  }
  if (!resp.ok) {
    if (json && typeof json === 'object' && 'kind' in json) throw toApiError(json);
    throw new ApiError('http', t('httpError', { status: `${resp.status} ${resp.statusText}`, cmd }));
  }
  return json;
}

/** Run one core command with typed request and response. Rejects with ApiError. */
export async function call<K extends keyof Commands>(cmd: K, args: Commands[K]['req']): Promise<Commands[K]['res']> {
  inFlight.count++;
  try {
    return await dispatch(cmd, args);
  } finally {
    inFlight.count--;
  }
}

/** Commands sent and not yet answered (end-to-end tests wait for 0 before stopping the server). */
export const inFlight = { count: 0 };

const shellCommands: ReadonlySet<string> = new Set(SHELL_COMMANDS);

async function dispatch<K extends keyof Commands>(cmd: K, args: Commands[K]['req']): Promise<Commands[K]['res']> {
  if (isTauri()) {
    try {
      // The desktop shell's own commands (dialogs, menu) are Tauri commands of their own; the rest go through `api`.
      if (shellCommands.has(cmd)) return (await invoke(cmd, args as Record<string, unknown>)) as Commands[K]['res'];
      return (await invoke('api', { cmd, args })) as Commands[K]['res'];
    } catch (e) {
      throw toApiError(e);
    }
  }
  return (await viaHttp(cmd, args)) as Commands[K]['res'];
}
