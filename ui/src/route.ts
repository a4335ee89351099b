// The address bar as a route: #article=ID (annotate), #review[=ID] (review), #agreement (dashboard).

export type Mode = 'annotate' | 'review' | 'agreement';

export interface Route {
  mode: Mode;
  /** The article open in that mode, if any. */
  id: number | null;
}

/** Parse `location.hash`; anything unknown is the annotation view with no article. */
export function parseHash(hash: string): Route {
  const h = hash.replace(/^#/, '');
  let m = /^article=(\d+)$/.exec(h);
  if (m) return { mode: 'annotate', id: Number(m[1]) };
  m = /^review(?:=(\d+))?$/.exec(h);
  if (m) return { mode: 'review', id: m[1] ? Number(m[1]) : null };
  if (h === 'agreement') return { mode: 'agreement', id: null };
  return { mode: 'annotate', id: null };
}

/** The hash for a route ('' for the bare annotation view). */
export function hashFor(r: Route): string {
  if (r.mode === 'agreement') return '#agreement';
  if (r.mode === 'review') return r.id === null ? '#review' : `#review=${r.id}`;
  return r.id === null ? '' : `#article=${r.id}`;
}
