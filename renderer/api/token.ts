// The host puts a per-launch access token in the page URL. Move it to
// sessionStorage (survives reloads of this tab, dies with it) and strip it
// from the address bar so it does not end up in history, bookmarks or a
// screenshot of the address bar.
export const TOKEN_STORAGE_KEY = 'planner.token';

export function takeToken(location: Location, history: History, storage: Storage): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_STORAGE_KEY);
}
