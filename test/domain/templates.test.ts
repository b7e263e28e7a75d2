import { describe, expect, it } from 'vitest';
import { TEMPLATES, templateById } from '../../lib/domain/templates';
import { GAMES, NSM_CATEGORIES, PERIODS } from '../../lib/domain/types';

describe('first-run templates', () => {
  it('offers the six well-known North Star examples', () => {
    expect(TEMPLATES.map((t) => t.nsm.name)).toEqual([
      'Nights booked',
      'Weekly active teams sending messages',
      'Weekly querying users',
      'Time spent listening',
      'Weekly active collaborative projects',
      'Customers using 2+ services',
    ]);
  });

  it.each(TEMPLATES.map((t) => [t.nsm.name, t] as const))('%s is a tree the framework accepts', (_name, template) => {
    expect(NSM_CATEGORIES).toContain(template.nsm.category);
    expect(GAMES).toContain(template.game);
    expect(PERIODS).toContain(template.nsm.period);
    expect(template.nsm.category).not.toBe('revenue');
    expect(template.inputs.length).toBeGreaterThanOrEqual(3);
    expect(template.inputs.length).toBeLessThanOrEqual(5);
    for (const input of template.inputs) {
      expect(input.ownerTeam.trim()).not.toBe('');
      expect(input.name.trim()).not.toBe('');
    }
    expect(new Set(template.inputs.map((i) => i.ownerTeam)).size).toBeGreaterThanOrEqual(3);
  });

  it('has a distinct id per template and finds each by it', () => {
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    for (const t of TEMPLATES) expect(templateById(t.id)).toBe(t);
    expect(templateById('no-such-template')).toBeNull();
  });
});
