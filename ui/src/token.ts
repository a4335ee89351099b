// Browser-mode token: read once from ?token=, kept in sessionStorage, stripped from the address bar.

const KEY = 'hashiya.token';

/** The per-run API token, or '' when the page was opened without one. */
export function loadToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      sessionStorage.setItem(KEY, fromUrl);
    } catch {
      /* storage disabled: the token still works for this page load */
    }
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}
