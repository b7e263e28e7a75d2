import { render } from 'preact';
import '../../components/common/common.css';
import './style.css';
import './discovery-okrs.css';
import './metric.css';
import './review.css';
import { App } from '../../components/dashboard/App';
import { startRouting } from '../../components/dashboard/route';
import { startLoopSync } from '../../lib/state/workspace/loop';
import { startShareSync } from '../../lib/state/workspace/share';
import { startWorkspaceSync } from '../../lib/state/workspace/tree-sync';
import { shownMetricId } from '../../lib/state/workspace/metric-page';
import { followShownValues } from '../../lib/state/workspace/value-sync';

startRouting();
startWorkspaceSync();
startShareSync();
startLoopSync();
// The metric page's table lists every value of its metric: read when the page opens, not with the tree.
followShownValues(() => shownMetricId.value);
render(<App />, document.getElementById('app')!);
