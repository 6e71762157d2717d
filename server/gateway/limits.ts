import type { RequestHandler } from 'express';
import { bilingual } from '../shared/errors.js';

/** Answers 503 with a GraphQL error when a request runs longer than `ms`; the work in flight is abandoned. */
export function requestTimeout(ms: number): RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.status(503).json({
        errors: [{ message: bilingual('Yêu cầu chạy quá lâu và đã bị dừng', `The request ran longer than ${ms} ms and was stopped`), extensions: { code: 'TIMEOUT' } }],
      });
    }, ms);
    res.on('close', () => clearTimeout(timer));
    res.on('finish', () => clearTimeout(timer));
    next();
  };
}
