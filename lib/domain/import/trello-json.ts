/**
 * A Trello board's JSON export (board menu > Print, export and share > Export as JSON):
 * { cards: [...], lists: [...], customFields?: [...] }. A card is named by its shortLink
 * (trello.com/c/<shortLink>); its list's name is its status; "closed" means archived.
 * Custom fields (Reach, Effort, ...) are read from customFieldItems.
 *
 * Sources: linear/linear packages/import/src/importers/trelloJson/TrelloJsonImporter.ts
 * (cards with name, shortUrl, closed, labels, idList; lists with id, name, closed);
 * Trello's REST model for customFields / customFieldItems (value: { number | text | date | checked }).
 */
import * as v from 'valibot';
import { trello } from '../../sites/trello';
import type { ImportProblem } from './csv-reader';
import { checkImportText } from './file-checks';
import { itemStatusFrom } from './item-status';
import { failedImport, urlOf, type TrackerImport, type TrackerRow } from './tracker-rows';

const Card = v.looseObject({
  id: v.optional(v.string(), ''),
  name: v.string(),
  shortLink: v.optional(v.string()),
  shortUrl: v.optional(v.string()),
  closed: v.optional(v.boolean(), false),
  idList: v.optional(v.string(), ''),
  labels: v.optional(v.array(v.looseObject({ name: v.optional(v.string(), '') })), []),
  customFieldItems: v.optional(
    v.array(
      v.looseObject({ idCustomField: v.string(), value: v.optional(v.nullable(v.record(v.string(), v.unknown()))) }),
    ),
    [],
  ),
});

const Board = v.looseObject({
  cards: v.array(v.unknown()),
  lists: v.optional(v.array(v.looseObject({ id: v.string(), name: v.string() })), []),
  customFields: v.optional(v.array(v.looseObject({ id: v.string(), name: v.string() })), []),
});

function cardLink(card: v.InferOutput<typeof Card>) {
  const url = card.shortLink ? urlOf(`https://trello.com/c/${card.shortLink}`) : urlOf(card.shortUrl ?? '');
  const entity = url ? trello.entityFromUrl(url) : null;
  return entity ? { site: 'trello' as const, ...entity } : null;
}

function fieldText(value: Record<string, unknown> | null | undefined): string {
  const first = value ? Object.values(value)[0] : undefined;
  return typeof first === 'string' || typeof first === 'number' || typeof first === 'boolean' ? String(first) : '';
}

export function parseTrelloJson(text: string): TrackerImport {
  const refusal = checkImportText(text);
  if (refusal) return failedImport('trello', refusal.message);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return failedImport('trello', 'This is not JSON: export the board with "Export as JSON".');
  }
  const board = v.safeParse(Board, data);
  if (!board.success) return failedImport('trello', 'This is not a Trello board export: it has no list of cards.');
  const lists = new Map(board.output.lists.map((list) => [list.id, list.name]));
  const fieldNames = new Map(board.output.customFields.map((field) => [field.id, field.name]));
  const rows: TrackerRow[] = [];
  const problems: ImportProblem[] = [];
  board.output.cards.forEach((entry, index) => {
    const parsed = v.safeParse(Card, entry);
    const link = parsed.success ? cardLink(parsed.output) : null;
    if (!parsed.success || !link) {
      problems.push({ line: index + 1, column: 0, message: 'this card has no name or no link (shortLink); left out' });
      return;
    }
    const card = parsed.output;
    const listName = lists.get(card.idList) ?? '';
    const mapped = itemStatusFrom(listName);
    const fields: Record<string, string> = {};
    for (const item of card.customFieldItems) {
      const name = fieldNames.get(item.idCustomField);
      const value = fieldText(item.value);
      if (name && value !== '') fields[name] = value;
    }
    rows.push({
      line: index + 1,
      link,
      title: card.name,
      // An archived card in an unrecognised list was put away, not finished.
      status: mapped ?? (card.closed ? 'dropped' : 'idea'),
      statusText: card.closed ? `${listName} (archived)` : listName,
      // A label with only a colour names nothing a metric could be matched by.
      labels: card.labels.map((label) => label.name.trim()).filter((name) => name !== ''),
      fields,
    });
  });
  return { source: 'trello', rows, problems };
}
