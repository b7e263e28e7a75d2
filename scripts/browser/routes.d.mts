/** Types for the plain-JS fixture routes, shared by every browser's launcher. */

/** A page's HTML, or a function of the requested URL (without its fragment) that makes it. */
export type FixtureHtml = string | ((url: string) => string);

export interface FixtureRoutes {
  /** Every request no page answered, as requested: it was aborted, and a privacy test reads this. */
  readonly unserved: string[];
  serve(url: string | RegExp, html: FixtureHtml): void;
  /**
   * The HTML to answer a request for `url` with; null (and `url` recorded as unserved)
   * when no page matches or the request is not for a document.
   */
  answer(url: string, isDocument: boolean): string | null;
}

export function fixtureRoutes(): FixtureRoutes;
