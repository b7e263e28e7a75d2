/** Types for the plain-JS demo pages, so browser tests can serve them. */
export const DEMO_ORIGIN_JIRA: string;
export const DEMO_CHART_URL: string;

export function demoPages(): { url: string; name: string; html: string }[];
