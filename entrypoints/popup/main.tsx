import { render } from 'preact';
import '../../components/common/common.css';
import './style.css';
import { Popup } from '../../components/popup/Popup';
import { startWorkspaceSync } from '../../lib/state/workspace/tree-sync';

startWorkspaceSync();
render(<Popup />, document.getElementById('app')!);
