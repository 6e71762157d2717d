/**
 * `npm run start:split [-- --replicas insights=2]`: the split deployment on this machine — PostgreSQL (embedded, or
 * DATABASE_URL), each subgraph as its own process on the ports after PORT, Hive Gateway on PORT. Ctrl-C or SIGTERM
 * stops the gateway, then the subgraphs (each drains its requests), then the embedded PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { readConfig } from '../shared/config.js';
import { openDatabase } from '../shared/database.js';
import { createLogger } from '../shared/logger.js';
import { onShutdownSignals } from '../shared/shutdown.js';
import { startSplitDeployment } from './split-deployment.js';

const config = readConfig();
const log = createLogger(config.logLevel);

/** `--replicas insights=2,accounts=2`. */
function replicasArgument(argv: string[]): Record<string, number> {
  const index = argv.indexOf('--replicas');
  if (index < 0) return {};
  return Object.fromEntries(
    (argv[index + 1] ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [name, count] = pair.split('=');
        if (!name || !Number.isInteger(Number(count)) || Number(count) < 1)
          throw new Error(`--replicas: expected "name=count", got "${pair}"`);
        return [name, Number(count)];
      }),
  );
}

const database = await openDatabase(config, log);
try {
  const deployment = await startSplitDeployment({
    databaseUrl: database.url,
    host: config.host === '0.0.0.0' ? '127.0.0.1' : config.host,
    port: config.port,
    replicas: replicasArgument(process.argv.slice(2)),
    // Every process derives the gateway credential from the same secret.
    env: { NTM_INTERNAL_SECRET: config.internalSecret ?? randomBytes(32).toString('base64url') },
    onOutput: (name, line) => process.stdout.write(`[${name}] ${line}\n`),
  });
  log.info(
    { gateway: `${deployment.gateway.url}/graphql`, subgraphs: Object.fromEntries(deployment.subgraphUrls) },
    'split deployment ready',
  );
  onShutdownSignals(log, 'stopping the split deployment', () => deployment.stop().then(() => database.stop()));
} catch (error) {
  log.fatal({ err: error }, 'the split deployment failed to start');
  await database.stop();
  process.exit(1);
}
