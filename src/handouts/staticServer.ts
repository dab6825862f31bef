import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
  '.wasm': 'application/wasm', '.png': 'image/png', '.pf_meta': 'application/octet-stream', '.pdf': 'application/pdf',
};

/**
 * Serves a built site on 127.0.0.1 the way a static host does (directory → index.html, 404 otherwise). With a
 * `prefix` (`/course/`) the site is served only under it, as on a GitHub Pages project site: `/course/readings/`
 * is `<root>/readings/index.html`, and every URL outside the prefix answers 404.
 */
export function serveStatic(root: string, port = 0, prefix = '/'): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const requested = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!requested.startsWith(prefix)) { res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: outside ${prefix}`); return; }
    const path = `/${requested.slice(prefix.length)}`;
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}` });
  }));
}
