import { describe, expect, it } from 'vitest';
import { ideaTitleFromTab } from '../../lib/domain/idea-title';

describe('an idea title from the tab title', () => {
  it('drops the ticket key in front and the site name at the end', () => {
    expect(ideaTitleFromTab('[STAY-109] Flexible dates search - Jira', 'STAY-109', 'Jira')).toBe(
      'Flexible dates search',
    );
    expect(ideaTitleFromTab('Nights booked | Amplitude', 'chart/abc', 'Amplitude')).toBe('Nights booked');
  });

  it('keeps a dash that is part of the title', () => {
    expect(ideaTitleFromTab('Search - faster results', 'x', 'Jira')).toBe('Search - faster results');
  });

  it('leaves a title without key or site name as it is', () => {
    expect(ideaTitleFromTab('  Pricing page  ', 'https://example.com/pricing', 'Web page')).toBe('Pricing page');
  });
});
