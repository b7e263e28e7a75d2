/** Names people know the supported sites by: the one place a site's display name is written. */
import type { SiteId } from '../domain/types';

const SITE_LABELS: Record<SiteId, string> = {
  jira: 'Jira',
  linear: 'Linear',
  github: 'GitHub',
  asana: 'Asana',
  trello: 'Trello',
  aha: 'Aha!',
  productboard: 'Productboard',
  amplitude: 'Amplitude',
  mixpanel: 'Mixpanel',
  posthog: 'PostHog',
  ga: 'Google Analytics',
  web: 'Web page',
};

export function siteLabel(site: SiteId): string {
  return SITE_LABELS[site];
}
