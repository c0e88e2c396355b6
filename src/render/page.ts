/** The HTML shell the timeline script expects, for the webview and the standalone page alike. */
export interface PageParts {
  csp: string;
  title: string;
  host: 'vscode' | 'standalone';
  /** What follows the app element: the data and script tags (already escaped by the caller). */
  scripts: string;
}

export function timelinePage(parts: PageParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${parts.csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${parts.title}</title>
</head>
<body>
<div id="app" data-host="${parts.host}"></div>
${parts.scripts}
</body>
</html>
`;
}
