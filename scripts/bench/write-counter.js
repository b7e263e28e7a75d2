/*
 * Prepended to the background script of the sharing bench's copy (never to what ships):
 * counts every IndexedDB transaction opened for writing and every write request (put, add,
 * delete, clear) the worker makes, so the bench can show that a pull of an unchanged
 * shared file writes nothing. Installed before the extension's own code runs, so idb's
 * wrappers call the counting methods; a restarted worker starts from zero again, which
 * the bench notices (`started` changes).
 */
(() => {
  const counts = { transactions: 0, writes: 0, started: performance.timeOrigin };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function counted(stores, mode, ...rest) {
    if (mode === 'readwrite') counts.transactions++;
    return transaction.call(this, stores, mode, ...rest);
  };
  for (const name of ['put', 'add', 'delete', 'clear']) {
    const write = IDBObjectStore.prototype[name];
    IDBObjectStore.prototype[name] = function counted(...args) {
      counts.writes++;
      return write.apply(this, args);
    };
  }
  globalThis.__nslWrites = counts;
})();
