import { render } from 'preact';
render(<h1>North Star Lens</h1>, document.getElementById('app')!);
