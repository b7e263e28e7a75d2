/** Types for the plain-JS Firefox launcher, so the TypeScript browser tests use it with types. */
import type { Browser, Page } from 'puppeteer-core';
import type { Reply, RequestOf, RequestType, Responses } from '../../lib/messaging/protocol';
import type { FixtureHtml } from './routes.mjs';

export const FIREFOX_PATH: string;
export const FIREFOX_BUILD_DIR: string;
export const EXTENSION_UUID: string;

export interface FirefoxOptions {
  /** The unpacked extension under test (default: the Firefox build). */
  extension?: string;
  headless?: boolean;
  /** Default 1280×800; null for the window's own size. */
  viewport?: { width: number; height: number } | null;
  /** The extension page requests are sent from (default dashboard.html). */
  bridgePage?: string;
  /**
   * Grants what the extension asks with permissions.request, as a person accepting the
   * prompt would. Firefox still requires the request to come from a user's input.
   */
  grantOptionalPermissions?: boolean;
}

/**
 * A request the browser tried to make. Pages the lens opens intercept theirs (a host page's
 * own requests include its content scripts'); anything else (the background page, tabs
 * the extension opened, Firefox itself) reaches the refusing proxy as "outside any page",
 * HTTPS ones by host only.
 */
export interface SeenRequest {
  url: string;
  from: 'host page' | 'extension page' | 'outside any page';
}

/** A closed (or open) shadow root, reached over WebDriver BiDi as DevTools would. */
export interface ShadowRootRef {
  /** "closed" or "open", as Firefox reports it. */
  mode: string | null;
  /**
   * Runs `fn` (its source) in a sandbox of the page with the shadow root as its first
   * argument and JSON-able `args` after it; returns its result through JSON.
   */
  run<T>(fn: string, ...args: unknown[]): Promise<T>;
}

export interface FirefoxLens {
  browser: Browser;
  /** The gecko id, as the built manifest names it. */
  extensionId: string;
  /** `moz-extension://<fixed uuid>`, without a trailing slash. */
  origin: string;
  /** Requests that no fixture answered, all aborted. */
  unservedRequests: string[];
  /** Serves `html` at `url` (a string matches without the fragment); the page served last wins. */
  serve(url: string | RegExp, html: FixtureHtml): void;
  /** Every request attempted since launch, in order. */
  requests: SeenRequest[];
  /** A new tab at `url`: a host page served from the fixtures, or an extension page. */
  open(url: string): Promise<Page>;
  /** Navigates an open tab, to a host page or an extension page, and waits for it to load. */
  navigate(page: Page, url: string): Promise<void>;
  /** A new tab on one of the extension's pages, e.g. `popup.html`. */
  extensionPage(path: string): Promise<Page>;
  /** The one extension page that requests are sent from, opened on first use. */
  bridgePage(): Promise<Page>;
  /** Sends one request to the background as an extension page does, and returns its reply. */
  send<T extends RequestType>(request: RequestOf<T>): Promise<Reply<Responses[T]>>;
  /** Like send, but returns the value and throws on a refusal. */
  call<T extends RequestType>(request: RequestOf<T>): Promise<Responses[T]>;
  /** Runs `fn` (its source) with the background page's window as its first argument; JSON in and out. */
  inBackground<T>(fn: string, ...args: unknown[]): Promise<T>;
  /** Runs `fn` (its source) in the page's own script world; JSON in and out. */
  evaluate<T>(page: Page, fn: string, ...args: unknown[]): Promise<T>;
  /** The shadow root of the first element matching `hostSelector`, or null while there is none. */
  shadowRoot(page: Page, hostSelector: string): Promise<ShadowRootRef | null>;
  /** The shadow roots of every element matching `hostSelector`, in document order. */
  shadowRoots(page: Page, hostSelector: string): Promise<ShadowRootRef[]>;
  /** Errors Firefox printed for the extension's pages and scripts since launch. */
  extensionErrors(): string[];
  /** Where Firefox saves downloads, without asking; removed on close. */
  downloadsDir: string;
  /** Everything Firefox printed, for a failing test to show. */
  browserOutput: string[];
  close(): Promise<void>;
}

export function launchFirefox(options?: FirefoxOptions): Promise<FirefoxLens>;
