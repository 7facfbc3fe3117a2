import { useNavigate } from '@tanstack/react-router';
import { useViewer } from '../shared/viewer.tsx';
import { CadresPage } from './cadres/CadresPage.tsx';
import { UnitsPage } from './units/UnitsPage.tsx';

export function UnitsRoute() {
  const viewer = useViewer();
  const navigate = useNavigate();
  return (
    <UnitsPage
      jurisdiction={viewer.jurisdiction}
      onShowCadres={(unitId) => navigate({ to: '/organisation/cadres', search: { unit: unitId } })}
    />
  );
}

export function CadresRoute() {
  const viewer = useViewer();
  return <CadresPage mayUnmask={viewer.mayUnmask} />;
}
