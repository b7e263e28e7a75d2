/**
 * A title for an idea taken from a tab's title: "[STAY-109] Flexible dates search - Jira"
 * reads "Flexible dates search". Only the ticket key in front and the site's name at the
 * end are removed; anything else stays as the page wrote it.
 */
export function ideaTitleFromTab(tabTitle: string, key: string, siteLabel: string): string {
  let title = tabTitle.trim();
  const keyPrefix = `[${key}]`;
  if (key && title.toLowerCase().startsWith(keyPrefix.toLowerCase())) title = title.slice(keyPrefix.length).trim();
  const lastSeparator = Math.max(title.lastIndexOf(' - '), title.lastIndexOf(' | '), title.lastIndexOf(' – '));
  if (
    lastSeparator > 0 &&
    title
      .slice(lastSeparator + 3)
      .toLowerCase()
      .includes(siteLabel.toLowerCase())
  ) {
    title = title.slice(0, lastSeparator).trim();
  }
  return title;
}
