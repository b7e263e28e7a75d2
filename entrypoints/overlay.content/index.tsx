import { render } from 'preact';

export default defineContentScript({
  matches: ['https://*.atlassian.net/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: 'north-star-lens',
      position: 'inline',
      anchor: 'body',
      onMount: (container) => {
        render(<div>North Star Lens</div>, container);
        return container;
      },
      onRemove: (container) => container && render(null, container),
    });
    ui.mount();
  },
});
