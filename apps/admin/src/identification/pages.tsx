import { useNavigate } from '@tanstack/react-router';
import { useViewer } from '../shared/viewer.tsx';
import { ApplicationsPage } from './applications/ApplicationsPage.tsx';
import { ExitVerificationsPage } from './exit-verifications/ExitVerificationsPage.tsx';
import { HouseholdsPage } from './households/HouseholdsPage.tsx';
import { ImportPage } from './import/ImportPage.tsx';
import { MonitoringPage } from './monitoring/MonitoringPage.tsx';
import { RatesPage } from './rates/RatesPage.tsx';
import { ScreeningPage } from './screening/ScreeningPage.tsx';

export function HouseholdsRoute() {
  const navigate = useNavigate();
  return <HouseholdsPage onImport={() => navigate({ to: '/identification/import' })} />;
}

export const ApplicationsRoute = ApplicationsPage;

export function ScreeningRoute() {
  return <ScreeningPage jurisdiction={useViewer().jurisdiction} />;
}

export const MonitoringRoute = MonitoringPage;

export const ExitVerificationsRoute = ExitVerificationsPage;

export function RatesRoute() {
  return <RatesPage jurisdiction={useViewer().jurisdiction} />;
}

export const ImportRoute = ImportPage;
