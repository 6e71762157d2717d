import 'reflect-metadata';
import { readConfig } from './shared/config.js';
import { createLogger } from './shared/logger.js';
import { onShutdownSignals } from './shared/shutdown.js';
import { startHub } from './hub.js';

const config = readConfig();
const log = createLogger(config.logLevel);

try {
  const hub = await startHub(config, log);
  onShutdownSignals(log, 'shutting down', () => hub.stop(), { deadlineMs: 30_000 });
} catch (error) {
  log.fatal({ err: error }, 'NTM Hub failed to start');
  process.exit(1);
}
