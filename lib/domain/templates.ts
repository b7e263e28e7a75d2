/**
 * First-run templates: the North Star framework's well-known examples, each a complete
 * starting tree (an NSM with its category and game, and 3-5 input metrics owned by
 * teams) that a new user renames rather than invents from nothing.
 */
import type { Game, NsmCategory, Period } from './types';

export interface TemplateInput {
  name: string;
  definition: string;
  ownerTeam: string;
}

export interface TreeTemplate {
  id: string;
  /** The kind of product the example comes from, so a user can recognise their own. */
  productKind: string;
  game: Game;
  nsm: {
    name: string;
    definition: string;
    unit: string;
    period: Period;
    category: NsmCategory;
  };
  inputs: TemplateInput[];
}

export const TEMPLATES: readonly TreeTemplate[] = [
  {
    id: 'nights-booked',
    productKind: 'A marketplace for stays',
    game: 'transaction',
    nsm: {
      name: 'Nights booked',
      definition: 'Nights booked by guests and not cancelled, counted on the night of the stay.',
      unit: 'nights',
      period: 'week',
      category: 'consumption',
    },
    inputs: [
      {
        name: 'Bookable listings',
        definition: 'Listings with open dates in the next 90 days.',
        ownerTeam: 'Host growth',
      },
      {
        name: 'Search-to-book conversion',
        definition: 'Share of searching guests who book within 7 days.',
        ownerTeam: 'Guest experience',
      },
      { name: 'Repeat guests', definition: 'Guests who book again within 12 months.', ownerTeam: 'Loyalty' },
      { name: 'Average nights per booking', definition: 'Nights per confirmed booking.', ownerTeam: 'Trips' },
    ],
  },
  {
    id: 'weekly-active-teams-sending-messages',
    productKind: 'A team messaging app',
    game: 'productivity',
    nsm: {
      name: 'Weekly active teams sending messages',
      definition: 'Teams in which at least three members sent a message during the week.',
      unit: 'teams',
      period: 'week',
      category: 'engagement',
    },
    inputs: [
      {
        name: 'New teams activated',
        definition: 'Teams sending 100 messages in their first 14 days.',
        ownerTeam: 'Onboarding',
      },
      { name: 'Members invited per team', definition: 'Invitations accepted per active team.', ownerTeam: 'Growth' },
      {
        name: 'Integrations connected',
        definition: 'Teams with at least one integration posting messages.',
        ownerTeam: 'Platform',
      },
      {
        name: 'Mobile senders',
        definition: 'Members who sent a message from mobile in the week.',
        ownerTeam: 'Mobile',
      },
    ],
  },
  {
    id: 'weekly-querying-users',
    productKind: 'An analytics product',
    game: 'productivity',
    nsm: {
      name: 'Weekly querying users',
      definition: 'Users who ran a query whose result was viewed by at least two other people that week.',
      unit: 'users',
      period: 'week',
      category: 'engagement',
    },
    inputs: [
      {
        name: 'Activated accounts',
        definition: 'Accounts that sent events and built a first chart.',
        ownerTeam: 'Onboarding',
      },
      { name: 'Queries per user', definition: 'Queries run per querying user in the week.', ownerTeam: 'Analysis' },
      {
        name: 'Shared charts viewed',
        definition: 'Views of charts shared by someone else.',
        ownerTeam: 'Collaboration',
      },
      {
        name: 'Data sources connected',
        definition: 'Accounts with two or more connected sources.',
        ownerTeam: 'Integrations',
      },
    ],
  },
  {
    id: 'time-spent-listening',
    productKind: 'A music streaming service',
    game: 'attention',
    nsm: {
      name: 'Time spent listening',
      definition: 'Hours of audio played for at least 30 seconds per track, across all listeners.',
      unit: 'hours',
      period: 'month',
      category: 'consumption',
    },
    inputs: [
      { name: 'Monthly listeners', definition: 'Accounts that played a track in the month.', ownerTeam: 'Growth' },
      { name: 'Playlists followed', definition: 'Playlists followed per listener.', ownerTeam: 'Personalisation' },
      { name: 'Discovery sessions', definition: 'Sessions started from a recommendation.', ownerTeam: 'Discovery' },
      { name: 'Offline downloads', definition: 'Listeners with downloaded music.', ownerTeam: 'Mobile' },
    ],
  },
  {
    id: 'weekly-active-collaborative-projects',
    productKind: 'A project collaboration tool',
    game: 'productivity',
    nsm: {
      name: 'Weekly active collaborative projects',
      definition: 'Projects in which two or more people edited or commented during the week.',
      unit: 'projects',
      period: 'week',
      category: 'engagement',
    },
    inputs: [
      {
        name: 'Projects created from templates',
        definition: 'New projects started from a template.',
        ownerTeam: 'Onboarding',
      },
      { name: 'Collaborators invited', definition: 'Invitations accepted per new project.', ownerTeam: 'Growth' },
      { name: 'Tasks completed', definition: 'Tasks marked done per active project.', ownerTeam: 'Core workflow' },
    ],
  },
  {
    id: 'customers-using-two-services',
    productKind: 'A multi-product platform',
    game: 'transaction',
    nsm: {
      name: 'Customers using 2+ services',
      definition: 'Paying customers with active usage of at least two services in the month.',
      unit: 'customers',
      period: 'month',
      category: 'customer-growth',
    },
    inputs: [
      {
        name: 'First-service activation',
        definition: 'New customers active on their first service within 30 days.',
        ownerTeam: 'Onboarding',
      },
      {
        name: 'Cross-service trials',
        definition: 'Customers who started a trial of a second service.',
        ownerTeam: 'Cross-sell',
      },
      {
        name: 'Shared identity sign-ins',
        definition: 'Customers signing in to two services with one account.',
        ownerTeam: 'Identity',
      },
      { name: 'Bundle adoption', definition: 'Customers on a plan that bundles services.', ownerTeam: 'Pricing' },
    ],
  },
];

export function templateById(id: string): TreeTemplate | null {
  return TEMPLATES.find((t) => t.id === id) ?? null;
}
