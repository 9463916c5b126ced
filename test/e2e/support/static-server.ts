// A minimal static file server for the built site, mounted at a path prefix (e.g. /zjtx/) as a government
// host would serve it. Anything outside the prefix is a 404, so a link that forgets BASE_PATH fails.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  /** Origin plus prefix, ending in "/": "http://127.0.0.1:PORT/zjtx/". */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** "/" or "/zjtx/". */
  prefix?: string;
  /** Extra response headers (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
  /** A fixed port (a site another build names in SEARCH_SITES); default any free one. */
  port?: number;
}

async function resolveFile(root: string, relative: string): Promise<string | undefined> {
  const candidate = normalize(join(root, relative));
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined; // path traversal
  for (const path of [candidate, join(candidate, "index.html")]) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) return path;
  }
  return undefined;
}

export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const prefix = options.prefix ?? "/";
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = pathname.startsWith(prefix) ? await resolveFile(root, pathname.slice(prefix.length)) : undefined;
    const headers = { ...options.headers };
    if (!file) {
      const notFound = await resolveFile(root, "404.html");
      res.writeHead(404, { ...headers, "Content-Type": CONTENT_TYPES[".html"]! });
      if (notFound && req.method !== "HEAD") createReadStream(notFound).pipe(res);
      else res.end();
      return;
    }
    res.writeHead(200, { ...headers, "Content-Type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
