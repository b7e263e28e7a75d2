import { render } from 'preact';
import '../../components/common/common.css';
import './style.css';
import { App } from '../../components/dashboard/App';
import { startRouting } from '../../components/dashboard/route';
import { startShareSync } from '../../lib/state/workspace/share';
import { startWorkspaceSync } from '../../lib/state/workspace/tree';

startRouting();
startWorkspaceSync();
startShareSync();
render(<App />, document.getElementById('app')!);
