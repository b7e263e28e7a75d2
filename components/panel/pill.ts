/**
 * The collapsed pill, in plain DOM: it is on every matching page, so it brings no UI
 * framework with it (the open panel, in Preact, loads only when wanted). Its text follows
 * `pillText`; a click opens the panel; hovering or focusing it starts loading the panel's
 * code, so that a click seldom waits.
 */
import { effect } from '@preact/signals-core';
import { expanded } from '../../lib/state/page/page';
import { loadPanelCode } from '../../lib/state/page/panel-code';
import { pillHidden, pillText } from '../../lib/state/page/pill';

export function mountPill(container: HTMLElement): () => void {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.testid = 'pill';
  button.title = 'North Star Lens (Alt+Shift+N)';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'nsl-panel');
  const star = document.createElement('span');
  star.className = 'pill-star';
  star.setAttribute('aria-hidden', 'true');
  star.textContent = '★';
  const label = document.createElement('span');
  label.className = 'pill-text';
  button.append(star, label);

  const preload = () => void loadPanelCode();
  button.addEventListener('pointerenter', preload);
  button.addEventListener('focus', preload);
  button.addEventListener('click', () => {
    expanded.value = true;
  });

  const root = container.getRootNode() as ShadowRoot | Document;
  let wasHidden = true;
  const stop = effect(() => {
    const { text, tone } = pillText.value;
    const hidden = pillHidden.value;
    // Written only when it changes: the whole context coming after the early answer
    // usually says the same, and the page need not lay out the pill again for that.
    const className = `pill pill-${tone}`;
    if (button.className !== className) button.className = className;
    if (label.textContent !== text) label.textContent = text;
    // Out of the page while hidden: a switched-off site or a page with no entity shows nothing at all.
    if (hidden) button.remove();
    else if (!button.isConnected) container.prepend(button);
    // Closing the panel hands the focus back to the pill, as a disclosure button does,
    // but only when the focus was in our panel: a shortcut pressed in the page keeps it there.
    if (wasHidden && !hidden && expanded.peek() === false && root.activeElement) button.focus({ preventScroll: true });
    wasHidden = hidden;
  });
  return () => {
    stop();
    button.remove();
  };
}
