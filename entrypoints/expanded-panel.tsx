/**
 * The open panel's code, injected by the background into a page whose content script
 * asked for it (`panel.load`), into that content script's isolated world. It renders into
 * the content script's shadow root and uses the content script's state: the modules of
 * SHARED_MODULES are that copy, not bundled here (see wxt.config.ts).
 */
import { render } from 'preact';
import { Overlay } from '../components/panel/Overlay';
import panelCss from '../components/panel/panel.css?inline';
import { startItemEditor } from '../lib/state/page/item-editor';
import { startItemMarks } from '../lib/state/page/item-marks';
import { SHARED_GLOBAL, type SharedWithPanel } from './overlay/shared-modules';

export default defineUnlistedScript(() => {
  const shared = (globalThis as Record<string, unknown>)[SHARED_GLOBAL] as SharedWithPanel | undefined;
  if (!shared || shared.panelMounted) return;
  shared.panelMounted = true;
  startItemEditor();
  startItemMarks();
  const style = document.createElement('style');
  style.textContent = panelCss;
  shared.head.append(style);
  const root = document.createElement('div');
  shared.body.append(root);
  render(<Overlay />, root);
});
