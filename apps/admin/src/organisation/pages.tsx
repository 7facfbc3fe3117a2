import { getRouteApi, useNavigate } from '@tanstack/react-router';
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

const cadresRoute = getRouteApi('/organisation/cadres');

export function CadresRoute() {
  const viewer = useViewer();
  const { unit } = cadresRoute.useSearch();
  const navigate = cadresRoute.useNavigate();
  return (
    <CadresPage
      jurisdiction={viewer.jurisdiction}
      mayUnmask={viewer.mayUnmask}
      unitId={unit ?? null}
      onUnitChange={(unitId) => navigate({ search: { unit: unitId ?? undefined } })}
    />
  );
}
