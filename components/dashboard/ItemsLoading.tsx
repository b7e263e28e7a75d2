/** How far a large tree's items have come, said where a view would otherwise show a partial figure. */
export function ItemsLoading({ loaded, total }: { loaded: number; total: number }) {
  return (
    <p class="notice items-loading" role="status" aria-busy="true">
      Loading {loaded.toLocaleString('en')} of {total.toLocaleString('en')} items…
    </p>
  );
}
