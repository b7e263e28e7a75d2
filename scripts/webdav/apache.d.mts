/** Types for the plain-JS Apache launcher, so the TypeScript sharing tests use it with types. */

export const APACHE_PATH: string;

export interface ApacheOptions {
  /** Default: a free port on 127.0.0.1. */
  port?: number;
  /** Where `/moved/` redirects every request (the "other origin" of a redirect test). */
  redirectTo?: string;
  user?: string;
  password?: string;
  /** The watchdog stops the server after this long whatever happens (default 10 minutes). */
  maxLifetimeMs?: number;
}

export interface Apache {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Read and write with Basic auth (WebDAV). */
  davUrl: string;
  /** The same files, readable by anyone, refusing writes with 403. */
  publicUrl: string;
  /** Answers every request with a 307 to `redirectTo`. */
  movedUrl: string;
  user: string;
  password: string;
  /** The folder the files are stored in. */
  dataDir: string;
  running: boolean;
  /** Starts the server again after stopServer(), on the same port and files. */
  start(): Promise<void>;
  /** Stops the server but keeps its files, to test a server that is down. */
  stopServer(): Promise<void>;
  /**
   * Replaces a file's bytes directly on disk, behind Apache's back. `ageMs` dates the
   * write that far in the past, as a write by someone else a while ago (Apache then
   * sends a strong ETag at once).
   */
  writeFile(name: string, bytes: string | Uint8Array, options?: { ageMs?: number }): void;
  /** A file's bytes on disk, or null when there is none. */
  readFile(name: string): Buffer | null;
  errorLog(): string;
  /** Every request answered so far, in order: method, path and the status sent. */
  requests(): { method: string; path: string; status: number }[];
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

export function startApache(options?: ApacheOptions): Promise<Apache>;
