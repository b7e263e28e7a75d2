/** Downloads the ranked backlog as a CSV file a spreadsheet opens as it is. */
import { backlogCsv } from '../../lib/domain/csv';
import { itemsLoading, ranking, tree } from '../../lib/state/workspace/tree';
import { download, fileSlug } from '../common/download';

export function CsvButton() {
  return (
    <button
      type="button"
      class="btn"
      // A file of the items that have come so far would look whole: it waits for the rest.
      disabled={itemsLoading.value !== null}
      onClick={() =>
        download(
          `${fileSlug(tree.value?.name ?? 'backlog')}-backlog.csv`,
          backlogCsv(ranking.value),
          'text/csv;charset=utf-8',
        )
      }
    >
      Export CSV
    </button>
  );
}
