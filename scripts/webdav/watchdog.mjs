/**
 * Watches one test Apache from outside the test process (see apache.mjs): a test run
 * that crashes or is killed cannot stop its server, so this does. Arguments: the test
 * process's pid, the server's folder (holding apache.pid) and a deadline in ms since 1970.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const [parentPid, root, deadline] = process.argv.slice(2);
const POLL_MS = 500;

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** SIGTERM lets Apache take its workers down with it; SIGKILL if it is still there 3 s later. */
function stopApache(then) {
  const pidFile = join(root, 'apache.pid');
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : 0;
  if (!(pid > 0 && alive(pid))) return then();
  process.kill(pid, 'SIGTERM');
  setTimeout(() => {
    if (alive(pid)) process.kill(pid, 'SIGKILL');
    then();
  }, 3_000);
}

const timer = setInterval(() => {
  // stop() removed the folder: the server is gone and so is this watchdog's job.
  if (!existsSync(root)) return clearInterval(timer);
  if (alive(Number(parentPid)) && Date.now() < Number(deadline)) return;
  clearInterval(timer);
  stopApache(() => rmSync(root, { recursive: true, force: true }));
}, POLL_MS);
