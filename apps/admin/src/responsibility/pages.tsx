import { useViewer } from '../shared/viewer.tsx';
import { BattleMapPage } from './battle-map/BattleMapPage.tsx';
import { DecomposePage } from './decompose/DecomposePage.tsx';
import { TasksPage } from './tasks/TasksPage.tsx';

export const TasksRoute = TasksPage;

export const DecomposeRoute = DecomposePage;

export function BattleMapRoute() {
  return <BattleMapPage jurisdiction={useViewer().jurisdiction} />;
}
