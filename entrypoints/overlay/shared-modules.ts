/**
 * The open panel is not part of the content script: it is injected on demand
 * (entrypoints/expanded-panel.tsx), into the same isolated world. Where state lives there
 * must be one copy, so the panel's bundle takes these modules from the content script's
 * copy (a global of the isolated world, which the page cannot see) instead of bundling
 * its own. wxt.config.ts reads this table to make them external to the panel's build.
 */
export const SHARED_GLOBAL = '__northStarLens';

/** Module name in the shared object -> what the panel's code imports. */
export const SHARED_MODULES = {
  signalsCore: '@preact/signals-core',
  page: './lib/state/page/page.ts',
  panelDrafts: './lib/state/page/panel-drafts.ts',
  selection: './lib/state/page/selection.ts',
  client: './lib/messaging/client.ts',
} as const;

export type SharedModuleName = keyof typeof SHARED_MODULES;

/** What the content script leaves in its isolated world for the panel's code. */
export interface SharedWithPanel {
  modules: Record<SharedModuleName, object>;
  /** The shadow root's <head>, for the panel's stylesheet, and its <body>, where the panel renders. */
  head: HTMLElement;
  body: HTMLElement;
  /** Set by the panel's code once it has mounted: injecting it twice must not mount it twice. */
  panelMounted: boolean;
}
