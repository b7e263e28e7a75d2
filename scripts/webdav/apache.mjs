/**
 * A real WebDAV server for the sharing tests: Debian's apache2 with mod_dav and Basic
 * auth, run as an ordinary process with its own config, data folder, pid file, error log
 * and lock database in a fresh temporary folder (see /work/shared/notes/webdav.md). It
 * is not tuned to be kinder than a real server: ETags are Apache's defaults, weak ones
 * included.
 *
 * Three addresses, one data folder: `/dav/` reads and writes with Basic auth; `/public/`
 * serves the same files to anyone but refuses writes (a read-only subscriber address);
 * `/moved/` answers every request with a redirect to `redirectTo` (another origin).
 *
 * No Apache outlives its test: `stop()`, the test process's exit, and a detached
 * watchdog that kills it when the test process is gone or `maxLifetimeMs` has passed.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const APACHE_PATH = process.env.APACHE_PATH ?? '/usr/sbin/apache2';
const HTPASSWD_PATH = '/usr/bin/htpasswd';
const MODULES = ['mpm_event', 'authz_core', 'authn_core', 'authn_file', 'auth_basic', 'authz_user', 'dav', 'dav_fs'];
// Apache needs a moment on two busy cores; a start slower than this is a broken install.
const START_TIMEOUT_MS = 15_000;
const DEFAULT_LIFETIME_MS = 10 * 60_000;

/**
 * @param {import('./apache.d.mts').ApacheOptions} [options]
 * @returns {Promise<import('./apache.d.mts').Apache>}
 */
export async function startApache(options = {}) {
  for (const path of [APACHE_PATH, HTPASSWD_PATH]) {
    if (!existsSync(path)) throw new Error(`${path} was not found. Install it: apt-get install apache2 apache2-utils`);
  }
  const user = options.user ?? 'ana';
  const password = options.password ?? 'correct horse battery staple';
  const root = mkdtempSync(join(tmpdir(), 'nsl-webdav-'));
  const dataDir = join(root, 'data');
  const runUser = runAs();
  for (const dir of ['data', 'lock', 'run', 'empty']) mkdirSync(join(root, dir));
  // Started as root, Apache's workers run as www-data and must be able to write there.
  execFileSync(HTPASSWD_PATH, ['-b', '-c', '-B', join(root, 'htpasswd'), user, password], { stdio: 'ignore' });
  if (runUser) {
    // Started as root, Apache's workers run as www-data: they cross the folder, read the
    // password file and write the data and the locks.
    chmodSync(root, 0o711);
    chmodSync(join(root, 'htpasswd'), 0o644);
    for (const dir of ['data', 'lock']) chownSync(join(root, dir), runUser.uid, runUser.gid);
  }

  const port = options.port ?? (await freePort());
  const confPath = join(root, 'apache.conf');
  writeFileSync(confPath, config({ root, port, runUser, redirectTo: options.redirectTo ?? 'http://127.0.0.1:9/' }));

  /** @type {import('node:child_process').ChildProcess | null} */
  let child = null;
  // An exit handler runs synchronously: it can only send the signal, and SIGTERM lets Apache stop its workers.
  const killNow = () => {
    if (child?.exitCode === null && child.pid) process.kill(child.pid, 'SIGTERM');
  };
  process.on('exit', killNow);
  startWatchdog(root, options.maxLifetimeMs ?? DEFAULT_LIFETIME_MS);

  const origin = `http://127.0.0.1:${port}`;
  const apache = {
    origin,
    davUrl: `${origin}/dav/`,
    publicUrl: `${origin}/public/`,
    movedUrl: `${origin}/moved/`,
    user,
    password,
    dataDir,
    get running() {
      return child !== null && child.exitCode === null && child.signalCode === null;
    },
    async start() {
      if (apache.running) return;
      child = await launch(confPath, root, port);
    },
    async stopServer() {
      const running = child;
      child = null;
      if (running) await terminate(running);
    },
    writeFile(name, bytes, { ageMs = 0 } = {}) {
      const path = join(dataDir, name);
      writeFileSync(path, bytes);
      if (runUser) chownSync(path, runUser.uid, runUser.gid);
      if (ageMs > 0) {
        const when = new Date(Date.now() - ageMs);
        utimesSync(path, when, when);
      }
    },
    readFile(name) {
      const path = join(dataDir, name);
      return existsSync(path) ? readFileSync(path) : null;
    },
    errorLog: () => (existsSync(join(root, 'error.log')) ? readFileSync(join(root, 'error.log'), 'utf8') : ''),
    requests() {
      const path = join(root, 'access.log');
      if (!existsSync(path)) return [];
      return readFileSync(path, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [method = '', path = '', status = '0'] = line.split(' ');
          return { method, path, status: Number(status) };
        });
    },
    async stop() {
      await apache.stopServer();
      process.off('exit', killNow);
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    await apache.start();
  } catch (error) {
    await apache.stop();
    throw error;
  }
  return apache;
}

function config({ root, port, runUser, redirectTo }) {
  const data = join(root, 'data');
  return [
    'ServerRoot /usr/lib/apache2',
    'ServerName 127.0.0.1',
    `Listen 127.0.0.1:${port}`,
    `PidFile ${join(root, 'apache.pid')}`,
    `ErrorLog ${join(root, 'error.log')}`,
    'LogLevel warn',
    // Method, path and status of every request: what a test of conditional requests reads.
    'LogFormat "%m %U %>s" requests',
    `CustomLog ${join(root, 'access.log')} requests`,
    `DefaultRuntimeDir ${join(root, 'run')}`,
    ...MODULES.map((name) => `LoadModule ${name}_module modules/mod_${name}.so`),
    'LoadModule alias_module modules/mod_alias.so',
    ...(runUser ? [`User ${runUser.name}`, `Group ${runUser.name}`] : []),
    // Two shared cores: one small process is plenty for a test.
    'StartServers 1',
    'ServerLimit 1',
    'ThreadsPerChild 16',
    'MaxRequestWorkers 16',
    'MinSpareThreads 1',
    'MaxSpareThreads 16',
    `DAVLockDB ${join(root, 'lock', 'DavLock')}`,
    `DocumentRoot ${join(root, 'empty')}`,
    `Alias /dav/ ${data}/`,
    `Alias /public/ ${data}/`,
    `Redirect 307 /moved/ ${redirectTo}`,
    `<Directory ${root}>`,
    '  Require all denied',
    '</Directory>',
    `<Directory ${data}>`,
    '  Require all granted',
    '</Directory>',
    '<Location /dav/>',
    '  Dav On',
    '  AuthType Basic',
    '  AuthName "North Star Lens test"',
    `  AuthUserFile ${join(root, 'htpasswd')}`,
    '  Require valid-user',
    '</Location>',
    '<Location /public/>',
    '  <LimitExcept GET HEAD OPTIONS>',
    '    Require all denied',
    '  </LimitExcept>',
    '</Location>',
    '',
  ].join('\n');
}

/** www-data when started as root (Apache refuses to run its workers as root), else nobody to switch to. */
function runAs() {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('www-data:'));
  if (!line) throw new Error('Apache started as root needs the www-data user (it comes with apache2).');
  const [name, , uid, gid] = line.split(':');
  return { name, uid: Number(uid), gid: Number(gid) };
}

/** Runs Apache in the foreground, so this process owns it, and waits until it accepts connections. */
async function launch(confPath, root, port) {
  const child = spawn(APACHE_PATH, ['-f', confPath, '-D', 'FOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      if (child.exitCode === null) child.kill('SIGKILL');
      const log = existsSync(join(root, 'error.log')) ? readFileSync(join(root, 'error.log'), 'utf8') : '';
      throw new Error(`Apache did not start on port ${port}: ${stderr.trim()} ${log.trim()}`.trim());
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  return child;
}

/** SIGTERM stops Apache and its workers at once; SIGKILL if it has not gone after 5 s. */
async function terminate(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function accepts(port) {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** A port the system just gave out; someone may take it before Apache binds, which start() then reports. */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => done(port));
    });
  });
}

/**
 * A detached process that outlives a crashed test run: once the test process is gone,
 * or the lifetime is over, it kills the Apache named in the pid file and removes the
 * folder. It leaves when stop() has removed the folder itself.
 */
function startWatchdog(root, lifetimeMs) {
  const script = resolve(dirname(new URL(import.meta.url).pathname), 'watchdog.mjs');
  const watchdog = spawn(process.execPath, [script, String(process.pid), root, String(Date.now() + lifetimeMs)], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
}
