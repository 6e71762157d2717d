import type { ErrorRequestHandler, Response } from 'express';
import { bilingual } from './errors.js';
import type { Logger } from './logger.js';

/** Answers an HTTP-level failure as a GraphQL-style JSON error with a code: the same shape on every route. */
export function sendHttpError(res: Response, status: number, code: string, vi: string, en: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res
    .status(status)
    .type('application/json')
    .json({ errors: [{ message: bilingual(vi, en), extensions: { code } }] });
}

/** What body-parser reports, by its `type`: the client's fault, answered with its status and a code. */
const BODY_ERRORS: Record<string, { code: string; vi: string; en: string }> = {
  'entity.parse.failed': { code: 'BAD_REQUEST', vi: 'Thân yêu cầu không phải JSON hợp lệ', en: 'The request body is not valid JSON' },
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', vi: 'Thân yêu cầu vượt quá 1 MB', en: 'The request body exceeds 1 MB' },
  'encoding.unsupported': { code: 'UNSUPPORTED_MEDIA_TYPE', vi: 'Mã hóa nội dung không được hỗ trợ', en: 'Unsupported content encoding' },
  'charset.unsupported': {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    vi: 'Bảng mã không được hỗ trợ (dùng UTF-8)',
    en: 'Unsupported charset (use UTF-8)',
  },
  'request.aborted': { code: 'BAD_REQUEST', vi: 'Yêu cầu bị hủy giữa chừng', en: 'The request was aborted' },
  'request.size.invalid': { code: 'BAD_REQUEST', vi: 'Độ dài thân yêu cầu không khớp', en: 'The request body length does not match' },
};

/**
 * The hub's last error handler: JSON with a code in every mode, never Express's HTML page, a stack trace or a path.
 * Client errors are not logged; anything else is logged without the request body (body-parser attaches it).
 */
export function jsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const known = typeof error?.type === 'string' ? BODY_ERRORS[error.type] : undefined;
    const status = Number(error?.status ?? error?.statusCode);
    if (known) return sendHttpError(res, Number.isInteger(status) ? status : 400, known.code, known.vi, known.en);
    if (Number.isInteger(status) && status >= 400 && status < 500) {
      return sendHttpError(res, status, 'BAD_REQUEST', 'Yêu cầu không hợp lệ', 'Bad request');
    }
    log.error({ err: { type: error?.name, message: error?.message, stack: error?.stack } }, 'unexpected HTTP error');
    sendHttpError(res, 500, 'INTERNAL_SERVER_ERROR', 'Lỗi hệ thống, vui lòng thử lại sau', 'Internal error, please try again later');
  };
}
