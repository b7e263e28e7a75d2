/**
 * Demo host pages, served at real Jira and Amplitude URLs by request interception so
 * the extension's content script runs on them as it would on the real sites. They are
 * plain stand-ins: enough page for the overlay to find its ticket or chart.
 */
const STYLE = `
  body { margin: 0; font: 14px/1.5 system-ui, sans-serif; color: #172b4d; background: #fff; }
  header { height: 48px; display: flex; align-items: center; gap: 12px; padding: 0 20px; border-bottom: 1px solid #dfe1e6; font-weight: 600; }
  header .logo { width: 24px; height: 24px; border-radius: 4px; background: #0c66e4; }
  main { padding: 24px 40px; max-width: 980px; }
  .crumbs { color: #626f86; font-size: 13px; }
  h1 { font-size: 24px; margin: 6px 0 16px; }
  .meta { display: grid; grid-template-columns: 140px 1fr; gap: 6px 12px; max-width: 460px; color: #44546f; }
  .board { display: grid; grid-template-columns: repeat(3, 1fr); gap: 14px; }
  .col { background: #f7f8f9; border-radius: 6px; padding: 10px; }
  .col h2 { font-size: 12px; text-transform: uppercase; color: #626f86; margin: 4px 4px 10px; }
  .card { background: #fff; border-radius: 4px; box-shadow: 0 1px 2px #091e4240; padding: 10px; margin-bottom: 8px; }
  .card a { color: #0c66e4; font-size: 12px; text-decoration: none; }
  .chart { height: 260px; border: 1px solid #e3e6ea; border-radius: 8px; display: flex; align-items: flex-end; gap: 8px; padding: 16px; }
  .chart span { flex: 1; background: #6a5acd; border-radius: 3px 3px 0 0; }
  .big { font-size: 36px; font-weight: 700; margin: 8px 0 16px; }
`;

function page(title, product, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head>
<body><header><span class="logo"></span>${product} <span style="font-weight:400;color:#626f86">· demo page served by North Star Lens</span></header><main>${body}</main></body></html>`;
}

export const DEMO_ORIGIN_JIRA = 'https://staydemo.atlassian.net';
export const DEMO_CHART_URL = 'https://app.amplitude.com/analytics/staydemo/chart/nights01';

const TICKETS = [
  ['STAY-101', 'Instant book for verified guests', 'To do'],
  ['STAY-102', 'Host onboarding checklist', 'In progress'],
  ['STAY-103', 'Saved searches with price alerts', 'To do'],
  ['STAY-105', 'Map search on mobile', 'To do'],
  ['STAY-107', 'Redesign the footer', 'Done'],
  ['STAY-109', 'Flexible dates search', 'To do'],
];

export function demoPages() {
  const pages = [];
  for (const [key, title, status] of TICKETS) {
    pages.push({
      url: `${DEMO_ORIGIN_JIRA}/browse/${key}`,
      name: `jira-${key}`,
      html: page(
        `[${key}] ${title} - Jira`,
        'Jira',
        `<p class="crumbs">Projects / Stays / ${key}</p>
<h1 data-testid="issue.views.issue-base.foundation.summary.heading">${title}</h1>
<div class="meta"><span>Status</span><span>${status}</span><span>Assignee</span><span>Unassigned</span><span>Sprint</span><span>Stays sprint 14</span></div>
<p style="margin-top:24px;max-width:640px">Open the North Star panel (Alt+Shift+N or the toolbar button) to see which input metric this ticket moves and its rank.</p>`,
      ),
    });
  }
  const columns = ['To do', 'In progress', 'Done'].map(
    (status) =>
      `<section class="col"><h2>${status}</h2>${TICKETS.filter((t) => t[2] === status)
        .map(
          ([key, title]) =>
            `<div class="card"><div>${title}</div><a href="${DEMO_ORIGIN_JIRA}/browse/${key}">${key}</a></div>`,
        )
        .join('')}</section>`,
  );
  pages.push({
    url: `${DEMO_ORIGIN_JIRA}/jira/software/projects/STAY/boards/1`,
    name: 'jira-board',
    html: page(
      'Stays board - Jira',
      'Jira',
      `<p class="crumbs">Projects / Stays</p><h1>Stays board</h1><div class="board">${columns.join('')}</div>`,
    ),
  });
  const bars = [38, 41, 40, 44, 43, 47, 46, 50, 49, 52, 55, 54]
    .map((h) => `<span style="height:${h * 4}px"></span>`)
    .join('');
  pages.push({
    url: DEMO_CHART_URL,
    name: 'amplitude-chart',
    html: page(
      'Nights booked | Amplitude',
      'Amplitude',
      `<p class="crumbs">Staydemo / Charts</p><h1 data-testid="chart-title">Nights booked</h1>
<div class="big">51,870 <span style="font-size:14px;color:#2b8a3e">+4.2% week over week</span></div><div class="chart">${bars}</div>`,
    ),
  });
  return pages;
}
