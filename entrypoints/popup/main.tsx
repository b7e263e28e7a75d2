import { render } from 'preact';
import '../../components/common/common.css';
import './style.css';
import { Popup } from '../../components/popup/Popup';
import { onWorkspaceChange } from '../../lib/messaging/client';
import { refreshTabContext } from '../../lib/state/workspace/current-tab';
import { startWorkspaceSync } from '../../lib/state/workspace/tree-sync';

startWorkspaceSync();
// The tab's item may be the one a write changed (or newly linked): its context is one small request.
onWorkspaceChange(() => void refreshTabContext());
render(<Popup />, document.getElementById('app')!);
