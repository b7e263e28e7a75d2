import { describe, expect, it } from 'vitest';
import { scriptIdFor } from '../../lib/background/custom-domain-scripts';

describe('the overlay script registered for a custom domain', () => {
  it('names one registered script per domain, the same each time', () => {
    expect(scriptIdFor('https://jira.acme.example/*')).toBe('nsl-custom-jira.acme.example');
    expect(scriptIdFor('https://git.acme.example:8443/*')).toBe('nsl-custom-git.acme.example_8443');
    expect(scriptIdFor('https://jira.acme.example/*')).not.toBe(scriptIdFor('https://jira2.acme.example/*'));
  });
});
