// Presenter safety: text shown on the projector never carries a file path or
// the access token. Host messages can name the plan file ("…/plans/East.salesplan
// was closed"); in workshop mode such a path is cut to its file name's
// absence — "…" — and a 64-hex token is hidden. Pure, so it is tested alone.

// An absolute POSIX path (/a/b…), a Windows path (C:\… or \\server\…), or a file: URL.
const PATHS = /(?:file:\/\/\S+|[A-Za-z]:\\[^\s"'“”]+|\\\\[^\s"'“”]+|(?<![\w.])\/(?:[^\s/"'“”]+\/)+[^\s"'“”]*)/g;
const TOKEN = /\b[0-9a-f]{64}\b/gi;

export function presentable(text: string): string {
  return text.replace(PATHS, '…').replace(TOKEN, '…');
}
