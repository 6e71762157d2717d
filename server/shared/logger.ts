import { pino, type Logger } from 'pino';

export type { Logger };

/** Request bodies and variables never reach the log, whatever an error carries (body-parser attaches the raw body). */
const REDACT = ['body', 'req.body', 'err.body', 'variables', 'err.variables', 'request.variables', 'password', '*.password'];

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'ntm-hub' }, redact: { paths: REDACT, remove: true } });
}
