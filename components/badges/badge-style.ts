/**
 * The badge's own stylesheet, inside each badge's shadow root. The :host rule is all
 * !important because an !important rule inside a shadow root beats the page's own
 * !important rules on the host element (`[data-nsl-badge] { visibility: hidden !important }`).
 */
export const BADGE_CSS = `
:host { all: initial !important; display: inline !important; margin-left: 6px !important; vertical-align: middle !important; }
.badge {
  display: inline; white-space: nowrap;
  font: 600 11px/16px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  padding: 0 6px; border-radius: 999px; border: 1px solid transparent;
}
.linked { background: #ecebff; color: #2f2699; border-color: #d3d0ff; }
.muted { background: transparent; color: #6b7280; border-color: #d7dbe2; font-weight: 500; }
@media (prefers-color-scheme: dark) {
  .linked { background: #2c2a52; color: #d6d2ff; border-color: #3d3a6e; }
  .muted { color: #9aa3b2; border-color: #3a4150; }
}
`;
