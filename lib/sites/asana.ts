import type { EntityElements, SiteAdapter } from './types';
import { entity, pathSegments } from './url-parts';
import { pickTitle, stripAll } from './text';

const GID = /^[0-9]{1,25}$/;

/**
 * The task's gid, from either URL form Asana serves:
 *   /0/<project>/<task>, /0/<project>/<task>/f, /0/0/<task>/f (My tasks, inbox)
 *   /1/<workspace>/project/<project>/task/<task>, /1/<workspace>/task/<task>
 * /0/<project>/<project> is the project itself, and /0/<project>/list or /board are views.
 */
function taskGid(segments: string[]): string | null {
  const [version, ...rest] = segments;
  if (version === '0') {
    const [container, task, tail] = rest;
    if (!container || !task || !GID.test(container) || !GID.test(task) || container === task) return null;
    if (rest.length > 3 || (tail !== undefined && tail !== 'f')) return null;
    return task;
  }
  if (version === '1') {
    const [workspace] = rest;
    if (!workspace || !GID.test(workspace)) return null;
    const at = rest.indexOf('task', 1);
    const task = at === -1 ? undefined : rest[at + 1];
    return task && GID.test(task) ? task : null;
  }
  return null;
}

function entityFromUrl(url: URL) {
  const gid = taskGid(pathSegments(url));
  // /0/0/<task>/f opens any task full-page whatever project it is in, so it is the one way back.
  return gid === null ? null : entity(gid, `${url.origin}/0/0/${gid}/f`);
}

/**
 * The task pane's name field by its class names, which do not change with the interface language (its
 * aria-label does): toggl/track-extension src/content/asana.js reads '.TaskPaneTitle textarea',
 * clockify/browser-extension src/integrations/asana.js '[role="heading"] textarea' in '.TaskPaneBody-main'
 * and the older '.TaskPane-titleRow textarea'. No h1: beside a list that is the project's name.
 */
const TITLE_SELECTORS = [
  '.TaskPane .TaskPaneTitle textarea',
  '.TaskPaneBody-main [role="heading"] textarea',
  '.TaskPane-titleRow textarea',
];

/**
 * Project views and My tasks (a user task list, addressed as a project): /0/<project>/list, /board,
 * /timeline, /calendar or /0/<project>/<project>, and V1's /1/<workspace>/project/<project>[/list/<view>]
 * (Asana's "New V1 Asana URL format in the browser", https://forum.asana.com/t/1011489); the inbox in
 * both forms. Not home, goals, portfolios, reporting or settings.
 */
export const LIST_PAGES =
  /^\/(?:0\/(?:[0-9]+\/(?:list|board|timeline|calendar|[0-9]+)|inbox)(?:\/|$)|1\/[0-9]+\/(?:project\/[0-9]+(?:\/(?:list|board|timeline|calendar)(?:\/|$)|\/?$)|inbox(?:\/|$)))/;

const gid = (text: string) => (GID.test(text) ? text : null);

/**
 * Asana's list rows and board cards hold no link to their task; their elements name it, as other
 * extensions read it: a list row's name is a textarea.SpreadsheetTaskName-input whose id ends in the
 * task's gid after its last '_' (timecamp-org/timecamp-browser-plugin scripts-2.0/third_party/asana.js,
 * `id.split('_').pop()`; toggl/track-extension src/content/asana.js finds the row by the same
 * .SpreadsheetTaskName), and a board card is .BoardCardLayout with the gid in data-task-id and its
 * name in .BoardCard-taskName (both). The gid is the key of the task's own page (entityFromUrl).
 */
const TASK_ELEMENTS: EntityElements[] = [
  {
    selector: 'textarea.SpreadsheetTaskName-input',
    attribute: 'id',
    key: (id) => gid(id.slice(id.lastIndexOf('_') + 1)),
    nameOf: (textarea) => textarea.closest('.SpreadsheetTaskName') ?? textarea,
  },
  {
    selector: '.BoardCardLayout[data-task-id]',
    attribute: 'data-task-id',
    key: gid,
    nameOf: (card) => card.querySelector('.BoardCard-taskName'),
  },
];

export const asana: SiteAdapter = {
  site: 'asana',
  kind: 'ticket',
  matches: ['https://app.asana.com/*'],
  hosts: /^app\.asana\.com$/,
  entityFromUrl,
  titleFrom: (doc, key) =>
    pickTitle(doc, key, TITLE_SELECTORS, (title) => stripAll(title, [/\s+[-–|]\s+Asana$/i, /^●\s*/])),
  linkSelector: 'a[href*="/0/"], a[href*="/task/"]',
  entityElements: TASK_ELEMENTS,
};
