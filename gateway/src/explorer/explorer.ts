import { dirname, join } from 'node:path';
import { Router } from 'express';

/**
 * GraphiQL for front-end teams, in development only: its files come from the installed packages
 * (nothing from a CDN, so it works offline) and are served here with a strict content policy.
 * The headers tab starts with an Authorization header to fill in.
 */

const packageFile = (name: string, file: string) => join(dirname(require.resolve(`${name}/package.json`)), file);

const FILES: Record<string, { path: string; type: string }> = {
  'react.js': { path: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { path: packageFile('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { path: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { path: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
  'start.js': { path: join(__dirname, 'start.js'), type: 'text/javascript' },
};

const PAGE = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>ShareforYou Care Record – GraphQL explorer (development)</title>
<link rel="stylesheet" href="assets/graphiql.css">
<style>html, body, #explorer { height: 100%; margin: 0; }</style></head>
<body><div id="explorer"></div>
<script src="assets/react.js"></script><script src="assets/react-dom.js"></script><script src="assets/graphiql.js"></script><script src="assets/start.js"></script>
</body></html>`;

export function explorerRoutes(): Router {
  const router = Router();
  const policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'";
  router.get('/', (req, res) => {
    // Relative asset paths need the trailing slash.
    if (!req.originalUrl.endsWith('/')) return res.redirect(301, `${req.originalUrl}/`);
    res.set({ 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy }).send(PAGE);
  });
  router.get('/assets/:file', (req, res) => {
    const file = FILES[req.params.file];
    if (!file) return res.status(404).send('not found');
    res.set({ 'content-type': file.type, 'cache-control': 'public, max-age=3600' });
    res.sendFile(file.path);
  });
  return router;
}
