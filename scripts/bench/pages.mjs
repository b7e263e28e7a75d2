/** The host pages the bench loads: a Jira ticket (a single-page app) and a board. */
import { JIRA } from './workspace.mjs';

export const ticketUrl = (n) => `${JIRA}/browse/BENCH-${n}`;
/** The same ticket, served as a page whose own scripts work while it loads (see `ticketPage`). */
export const busyTicketUrl = (n) => `${ticketUrl(n)}?app`;
export const BUSY_TICKET = /\/browse\/BENCH-\d+\?app$/;
/** How long the busy ticket page's own script keeps the page busy before it has parsed. */
export const HOST_WORK_MS = 50;
export const BOARD_URL = `${JIRA}/jira/software/projects/BENCH/boards/1`;

/**
 * Serves every /browse/BENCH-n URL; `goTo(n)` navigates in place as Jira does. `expect`
 * is the pill text the probe waits for on this ticket. With `hostWorkMs`, a script in the
 * head keeps the page busy that long before the rest parses, as a real tracker's own
 * bundle does (seconds, on Jira); without it the page is nearly empty and parses at once.
 */
export function ticketPage(url, expect, { hostWorkMs = 0 } = {}) {
  const key = new URL(url).pathname.split('/').pop();
  const hostWork = hostWorkMs
    ? `<script>{ const end = performance.now() + ${hostWorkMs}; while (performance.now() < end); }</script>`
    : '';
  return `<!doctype html><html data-bench-expect="${expect}"><head><title>[${key}] Backlog idea - Jira</title>${hostWork}</head><body>
  <header>Jira · Acme</header>
  <main><div id="crumb">${key}</div><h1>Backlog idea ${key}</h1><p>Description of the ticket.</p></main>
  <script>
    window.goTo = (n) => {
      history.pushState({}, '', '/browse/BENCH-' + n);
      document.title = '[BENCH-' + n + '] Backlog idea - Jira';
      document.querySelector('h1').textContent = 'Backlog idea BENCH-' + n;
      document.getElementById('crumb').textContent = 'BENCH-' + n;
    };
  </script></body></html>`;
}

/**
 * An empty board that records long tasks from the start and can fill itself with links,
 * marking (when asked) once it has rendered them.
 */
export function boardPage() {
  return `<!doctype html><html><head><title>BENCH board - Jira</title>
  <script>
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    window.addLinks = (count, { markRendered = false } = {}) => {
      let rows = '';
      for (let i = 1; i <= count; i++) rows += '<li><a href="/browse/BENCH-' + i + '">BENCH-' + i + '</a> Card ' + i + '</li>';
      performance.mark('bench:links');
      document.getElementById('rows').innerHTML = rows;
      // A task queued from the next frame's callbacks runs once that frame is rendered:
      // when the board has drawn its new rows. Only when asked: a frame callback makes
      // Chromium report that frame's rendering as a long task, which would count here.
      if (markRendered) requestAnimationFrame(() => setTimeout(() => performance.mark('bench:rendered'), 0));
    };
  </script></head><body><ul id="rows"></ul></body></html>`;
}
