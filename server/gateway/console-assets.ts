import { statSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Response, type Router } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Vite names every built asset by its content hash: a changed file gets a new name, so a browser may keep one a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built console (`admin/dist`): each file sent brotli- or gzip-compressed when the browser accepts it (the build
 * writes `.br` and `.gz` beside every asset), hashed assets cached for good, and `index.html` — the one file whose
 * name never changes — revalidated on every load so a new build is picked up at once (also by a running hub). Hash
 * routing means every page is `/admin/`; any other path under it gets the same `index.html`.
 */
export function consoleAssets(dist: string): Router {
  const router = express.Router();
  const noCache = (res: Response) => res.setHeader('cache-control', 'no-cache');
  const serve = () =>
    expressStaticGzip(dist, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      serveStatic: {
        setHeaders: (res, path) => res.setHeader('cache-control', path.startsWith(join(dist, 'assets')) ? IMMUTABLE : 'no-cache'),
      },
    });
  // The middleware lists the compressed files once; a new build (index.html rewritten) is listed again.
  const built = () => statSync(join(dist, 'index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  let current = { build: built(), middleware: serve() };
  router.use((req, res, next) => {
    const build = built();
    if (build !== current.build) current = { build, middleware: serve() };
    current.middleware(req, res, next);
  });
  router.get(/.*/, (_req, res) => {
    noCache(res);
    res.sendFile(join(dist, 'index.html'));
  });
  return router;
}
