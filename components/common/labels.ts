/** Words people read for the data model's codes. */
import type { Game, ItemStatus, MetricRole, NsmCategory, Period } from '../../lib/domain/types';

export const CATEGORY_LABELS: Record<NsmCategory, string> = {
  revenue: 'Revenue',
  'customer-growth': 'Customer growth',
  consumption: 'Consumption',
  engagement: 'Engagement',
  'growth-efficiency': 'Growth efficiency',
  'user-experience': 'User experience',
};

export const GAME_LABELS: Record<Game, string> = {
  attention: 'Attention: time people spend',
  transaction: 'Transaction: purchases and bookings',
  productivity: 'Productivity: work done well and fast',
};

export const PERIOD_LABELS: Record<Period, string> = {
  day: 'per day',
  week: 'per week',
  month: 'per month',
  quarter: 'per quarter',
  year: 'per year',
};

export const STATUS_LABELS: Record<ItemStatus, string> = {
  idea: 'Idea',
  planned: 'Planned',
  'in-progress': 'In progress',
  shipped: 'Shipped',
  dropped: 'Dropped',
};

export const ROLE_LABELS: Record<MetricRole, string> = {
  nsm: 'North Star',
  input: 'Input metric',
  team: 'Team metric',
  output: 'Output metric',
  health: 'Health metric',
};
