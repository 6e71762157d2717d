import { spawn } from 'node:child_process';
import { projectPath } from '../../server/shared/project.js';

/** Starts the built entry point (dist/, built by `npm test`'s pretest) as its own process. */
export function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, [projectPath('dist', 'server', 'main.js')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NTM_DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)".*"msg":"NTM Hub listening"/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before listening:\n${output}`)));
    setTimeout(() => reject(new Error(`not listening after 200 s:\n${output}`)), 200_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, exited, output: () => output };
}
