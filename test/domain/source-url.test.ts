import { describe, expect, it } from 'vitest';
import { normaliseSourceUrl } from '../../lib/domain/source-url';

describe('normaliseSourceUrl', () => {
  it.each([
    ['https://app.amplitude.com/chart/abc/', 'https://app.amplitude.com/chart/abc'],
    ['HTTPS://App.Amplitude.com/chart/abc', 'https://app.amplitude.com/chart/abc'],
    ['https://app.posthog.com/insights/x?utm_source=slack&utm_medium=chat', 'https://app.posthog.com/insights/x'],
    ['https://app.posthog.com/insights/x?b=2&a=1', 'https://app.posthog.com/insights/x?a=1&b=2'],
    [
      'https://analytics.google.com/analytics/web/?authuser=2#/p1/reports/x/',
      'https://analytics.google.com/analytics/web#/p1/reports/x',
    ],
    ['https://mixpanel.com/report/1#', 'https://mixpanel.com/report/1'],
    ['  not a url  ', 'not a url'],
  ])('reads %s as %s', (raw, normal) => {
    expect(normaliseSourceUrl(raw)).toBe(normal);
  });

  it('keeps the hash, where GA and Mixpanel name the report', () => {
    expect(normaliseSourceUrl('https://mixpanel.com/app#report/1')).not.toBe(
      normaliseSourceUrl('https://mixpanel.com/app#report/2'),
    );
  });

  it('keeps query parameters that pick the chart', () => {
    expect(normaliseSourceUrl('https://looker.acme.com/explore?qid=1')).not.toBe(
      normaliseSourceUrl('https://looker.acme.com/explore?qid=2'),
    );
  });
});
