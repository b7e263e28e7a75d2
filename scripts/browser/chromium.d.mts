/** Types for the plain-JS Chromium launcher, so the TypeScript browser tests use it with types. */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { Reply, RequestOf, RequestType, Responses } from '../../lib/messaging/protocol';
import type { FixtureHtml } from './routes.mjs';

export const CHROMIUM_PATH: string;
export const CHROME_BUILD_DIR: string;

export interface ChromiumOptions {
  /** The unpacked extension under test (default: the build); null for a browser without any. */
  extension?: string | null;
  /** Other unpacked extensions loaded beside it. */
  alongside?: string[];
  headless?: boolean;
  /** Default 1280×800; null for the window's own size (a headed browser). */
  viewport?: { width: number; height: number } | null;
  /** A profile the caller owns and removes; without it a temporary one is made. */
  userDataDir?: string;
  /** Keeps the temporary profile after close, to launch on it again. */
  keepUserData?: boolean;
  /** Name prefix of the temporary profile's directory. */
  profilePrefix?: string;
  /** The extension page requests are sent from (default dashboard.html). */
  bridgePage?: string;
}

export interface ChromiumLens {
  context: BrowserContext;
  /** Null when the extension has no service worker (or none is loaded). */
  extensionId: string | null;
  userDataDir: string;
  /** Requests that no fixture answered, all aborted: a test of privacy reads this. */
  unservedRequests: string[];
  /** Serves `html` at `url` (a string matches without the fragment); the page served last wins. */
  serve(url: string | RegExp, html: FixtureHtml): void;
  open(url: string): Promise<Page>;
  /** The extension's newest service worker, or the next to start. */
  serviceWorker(): Promise<Worker>;
  /** The one extension page that requests are sent from, opened on first use. */
  bridgePage(): Promise<Page>;
  /** Sends one request to the background as an extension page does, and returns its reply. */
  send<T extends RequestType>(request: RequestOf<T>): Promise<Reply<Responses[T]>>;
  /** Like send, but returns the value and throws on a refusal. */
  call<T extends RequestType>(request: RequestOf<T>): Promise<Responses[T]>;
  /** Stops the extension's service worker as the browser does when it is idle. */
  stopServiceWorker(): Promise<void>;
  /** False right after stopServiceWorker succeeded. */
  serviceWorkerRunning: boolean;
  close(): Promise<void>;
}

export function launchChromium(options?: ChromiumOptions): Promise<ChromiumLens>;

/** The newest running service worker whose address passes `matches`, or the next to start. */
export function findServiceWorker(context: BrowserContext, matches: (url: URL) => boolean): Promise<Worker>;
