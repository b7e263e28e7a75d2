/*
 * Prepended to the background script of the copy the bench loads (never to what ships):
 * times each request inside the service worker, from the moment the runtime hands it to
 * the extension's listener to the moment the listener answers (by sendResponse or by the
 * promise it returns). Chromium has a `browser` namespace of its own beside `chrome`, and
 * the polyfill uses it when present, so both are wrapped. The bench reads the figures
 * through the DevTools protocol (`globalThis.__nslBench`).
 */
(() => {
  const times = [];
  const wrap = (event) => {
    if (!event || event.__nslBenchTimed) return;
    const addListener = event.addListener.bind(event);
    event.addListener = (listener) =>
      addListener(function timed(message, sender, sendResponse) {
        const start = performance.now();
        const type = message && typeof message === 'object' ? message.type : undefined;
        let recorded = false;
        const record = () => {
          if (recorded) return;
          recorded = true;
          times.push({ type, ms: performance.now() - start, receivedAt: performance.timeOrigin + start });
        };
        const result = listener.call(this, message, sender, (reply) => {
          record();
          sendResponse(reply);
        });
        if (result && typeof result.then === 'function') result.then(record, record);
        return result;
      });
    event.__nslBenchTimed = true;
  };
  wrap(globalThis.chrome?.runtime?.onMessage);
  wrap(globalThis.browser?.runtime?.onMessage);
  globalThis.__nslBench = { times };
})();
