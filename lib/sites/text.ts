/**
 * Reading a title out of a host page. Text only (textContent or a form field's value):
 * markup from the page never travels further than this module.
 */

/** Longest title kept; the data model's names are capped too. */
export const MAX_TITLE_LENGTH = 500;

/** Trims, collapses runs of whitespace into one space, and caps the length. */
export function cleanText(text: string | null | undefined): string {
  if (!text) return '';
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= MAX_TITLE_LENGTH) return collapsed;
  // Never keep half of a surrogate pair (an emoji cut in two) at the cut.
  return collapsed
    .slice(0, MAX_TITLE_LENGTH)
    .replace(/[\uD800-\uDBFF]$/, '')
    .trimEnd();
}

/** Editable titles (Trello, Asana) live in form fields, whose text is their value. */
function elementText(element: Element): string {
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'input') {
    return (element as HTMLTextAreaElement | HTMLInputElement).value || element.textContent || '';
  }
  return element.textContent ?? '';
}

/** The text of the first element, in selector order, whose text is not blank. */
export function firstText(doc: Document, selectors: readonly string[]): string {
  for (const selector of selectors) {
    for (const element of Array.from(doc.querySelectorAll(selector))) {
      const text = cleanText(elementText(element));
      if (text !== '') return text;
    }
  }
  return '';
}

/**
 * The title a site adapter reports: the first DOM selector that yields text, else the
 * document title with the site's decoration removed, else the key itself so the panel
 * never shows an empty name.
 */
export function pickTitle(
  doc: Document,
  key: string,
  selectors: readonly string[],
  cleanDocumentTitle: (title: string) => string,
): string {
  const fromDom = firstText(doc, selectors);
  if (fromDom !== '') return fromDom;
  const fromTitle = cleanText(cleanDocumentTitle(cleanText(doc.title)));
  return fromTitle !== '' ? fromTitle : cleanText(key);
}

/** Removes every pattern in turn, e.g. a ' - Jira' suffix then a '[ABC-1] ' prefix. */
export function stripAll(title: string, patterns: readonly RegExp[]): string {
  return patterns.reduce((text, pattern) => text.replace(pattern, ''), title).trim();
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
