/*
 * The bench's probe: a content script added (document_start) to the copies of both the
 * extension and the floor that the bench loads, never to what ships. Content scripts of
 * one extension share one isolated world, so wrapping attachShadow here sees the CLOSED
 * shadow roots the measured script creates, which the page itself cannot. What it sees it
 * reports as User Timing marks: the performance timeline is the document's, shared by
 * every world, so the page reads them on its own clock.
 *
 * Reads from the page:
 *   <html data-bench-expect="text">  mark `bench:shown:<text>` the first time the pill holds it
 *   <html data-bench-badges="n">      mark `bench:badges` once n badges show a final value
 *
 * A badge's shadow root is looked at in the first microtask after it is attached: the
 * measured script fills a badge and puts it into the page in the same synchronous run,
 * so that look sees what the page will show, at the moment an observer's record would
 * have been delivered. Only a root not yet showing a final value in the page gets an
 * observer of its own. One observer per badge, as before, cost 6-8 ms of a 1,000-badge
 * board: counted against the extension, though it is the probe's.
 * Writes for the page: on a `bench:send` event, sends <html data-bench-send> (JSON) to the
 * background as this content script, marking `bench:sent` just before; on a `bench:open`
 * event, clicks the pill (mark `bench:open`) and marks `bench:panel` once the open panel shows.
 */
(() => {
  const html = document.documentElement;
  const marked = new Set();
  const panelRoots = [];
  const badgesDone = new WeakSet();
  let badgesShown = 0;

  const mark = (name) => {
    if (marked.has(name)) return;
    marked.add(name);
    performance.mark(name);
  };

  const checkPanel = (root) => {
    if (root.querySelector('[data-testid=panel]')) mark('bench:panel');
    const pill = root.querySelector('[data-testid=pill]');
    if (!pill) return;
    mark('bench:pill');
    const expect = html.dataset.benchExpect ?? '';
    if (pill.hasAttribute('data-bench-floor') || (expect && pill.textContent.includes(expect)))
      mark(`bench:shown:${expect}`);
  };

  const checkBadge = (root) => {
    if (badgesDone.has(root)) return true;
    const label = root.querySelector('.badge');
    if (!label || label.classList.contains('pending')) return false;
    badgesDone.add(root);
    badgesShown += 1;
    if (badgesShown >= Number(html.dataset.benchBadges ?? Infinity)) mark('bench:badges');
    return true;
  };

  const badgeWatch = { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] };
  let attached = [];
  const lookAtAttached = () => {
    const roots = attached;
    attached = [];
    for (const root of roots) {
      if (root.host.isConnected && checkBadge(root)) continue;
      new MutationObserver(() => checkBadge(root)).observe(root, badgeWatch);
    }
  };

  const native = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    const root = native.call(this, init);
    if (this.hasAttribute('data-nsl-badge')) {
      if (attached.push(root) === 1) queueMicrotask(lookAtAttached);
      return root;
    }
    mark('bench:attach');
    panelRoots.push(root);
    new MutationObserver(() => checkPanel(root)).observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    return root;
  };

  // A new expectation starts a new wait, and it may already be met: look at once.
  new MutationObserver(() => {
    for (const name of marked) if (name.startsWith('bench:shown:')) marked.delete(name);
    panelRoots.forEach(checkPanel);
  }).observe(html, { attributes: true, attributeFilter: ['data-bench-expect'] });

  // Diagnostics for a breakdown (not used by the table): when each request left and its answer came.
  for (const namespace of [globalThis.chrome, globalThis.browser]) {
    const runtime = namespace?.runtime;
    if (!runtime?.sendMessage || runtime.__benchTimed) continue;
    const send = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = (message, ...rest) => {
      const type = message?.type;
      performance.mark(`bench:request:${type}`);
      const reply = send(message, ...rest);
      reply?.then?.(
        () => performance.mark(`bench:reply:${type}`),
        () => undefined,
      );
      return reply;
    };
    // A change notice's arrival in this tab (this listener is added before the measured script's).
    runtime.onMessage?.addListener?.((message) => {
      if (message?.type === 'nsl.changed') performance.mark('bench:notice');
    });
    runtime.__benchTimed = true;
  }

  // When the early request's answer came (ours only; it has gone ahead at document_start),
  // and when the script that shows the pill began: it takes the early request first thing,
  // so a getter in place of the request's global marks that moment.
  const EARLY = '__northStarLensEarly';
  const early = globalThis[EARLY];
  if (early) {
    early.reply?.then?.(
      () => performance.mark('bench:early-answer'),
      () => undefined,
    );
    Object.defineProperty(globalThis, EARLY, {
      configurable: true,
      get() {
        mark('bench:overlay-start');
        return early;
      },
    });
  }

  document.addEventListener('bench:open', () => {
    const pill = panelRoots.map((root) => root.querySelector('[data-testid=pill]')).find(Boolean);
    performance.mark('bench:open');
    pill?.click();
  });

  document.addEventListener('bench:send', () => {
    const message = JSON.parse(html.dataset.benchSend);
    performance.mark('bench:sent');
    void chrome.runtime.sendMessage(message);
  });
})();
