import { describe, expect, it } from 'vitest';
import { applyMetricText, metricFieldProblem, metricFieldText, metricFieldValue } from '../../lib/domain/metric-text';
import type { Metric } from '../../lib/domain/types';

const metric: Metric = {
  id: 'm',
  treeId: 't',
  role: 'input',
  parentId: 'n',
  name: 'Bookable listings',
  definition: '',
  unit: '',
  period: 'week',
  category: null,
  ownerTeam: '',
  leverage: 1,
  sourceUrls: ['https://a.example/chart'],
  target: null,
  updatedAt: 0,
};

describe('metric fields as typed', () => {
  it('shows source URLs one per line and reads them back from any whitespace', () => {
    expect(metricFieldText(metric, 'sourceUrls')).toBe('https://a.example/chart');
    expect(metricFieldValue('sourceUrls', ' https://a.example/1 \n\nhttps://b.example/2 ')).toEqual({
      sourceUrls: ['https://a.example/1', 'https://b.example/2'],
    });
  });

  it('refuses an empty name, a leverage out of range and a source that is not a web address', () => {
    expect(metricFieldProblem('name', '  ')).toMatch(/needs a name/);
    expect(metricFieldProblem('leverage', '-1')).toMatch(/between 0 and 100/);
    expect(metricFieldProblem('leverage', '')).toMatch(/Leverage is a number/);
    expect(metricFieldProblem('sourceUrls', 'javascript:alert(1)')).toMatch(/not a web address/);
    expect(metricFieldProblem('target', 'soon')).toMatch(/Type a number/);
  });

  it('reads an empty target as no target', () => {
    expect(metricFieldValue('target', '')).toEqual({ target: null });
    expect(metricFieldValue('target', '2.5k')).toEqual({ target: 2500 });
  });

  it('lays valid typed values over the metric and ignores invalid ones', () => {
    const typed = applyMetricText(metric, { ownerTeam: 'Host growth', leverage: 'x', name: ' Listings ' });
    expect(typed.ownerTeam).toBe('Host growth');
    expect(typed.leverage).toBe(1);
    expect(typed.name).toBe('Listings');
  });
});
