/**
 * The panel's host element in the page: a closed shadow root holding an <html> with its
 * own <head> (the stylesheet) and <body> (where Preact renders), built as WXT's
 * createShadowRootUi builds it. Written out here because that helper brings anchor
 * waiting, auto-mounting and CSS fetching the panel never uses: about 3 KB gzip that
 * every host page would otherwise load.
 */
export interface ShadowHost {
  /** The element in the page. */
  host: HTMLElement;
  /** Where the UI renders, inside the shadow root. */
  container: HTMLElement;
  /** Holds the stylesheets; the panel adds its own when it loads. */
  head: HTMLElement;
}

export interface ShadowHostOptions {
  /** A custom element name (two words, kebab-case), so the host never collides with the page's tags. */
  name: string;
  css: string;
  /** Events stopped at the shadow root's body, so typing in the panel never reaches the host's shortcuts. */
  isolateEvents: readonly string[];
}

/** Appends the host as the last child of <html>, where host layouts and frameworks leave it alone. */
export function mountShadowHost({ name, css, isolateEvents }: ShadowHostOptions): ShadowHost {
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: 'closed' });
  const html = document.createElement('html');
  const head = document.createElement('head');
  const body = document.createElement('body');
  const style = document.createElement('style');
  // Nothing the page sets on our element (font, colour, line-height...) is inherited.
  style.textContent = `:host{all:initial !important;}\n${css}`;
  head.append(style);
  html.append(head, body);
  shadow.append(html);
  for (const type of isolateEvents) body.addEventListener(type, (event) => event.stopPropagation());
  document.documentElement.append(host);
  return { host, container: body, head };
}
