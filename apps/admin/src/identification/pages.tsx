import { useNavigate } from '@tanstack/react-router';
import { useViewer } from '../shared/viewer.tsx';
import { ApplicationsPage } from './applications/ApplicationsPage.tsx';
import { ExitVerificationsPage } from './exit-verifications/ExitVerificationsPage.tsx';
import { HouseholdsPage } from './households/HouseholdsPage.tsx';
import { ImportPage } from './import/ImportPage.tsx';
import { MonitoringPage } from './monitoring/MonitoringPage.tsx';
import { RatesPage } from './rates/RatesPage.tsx';
import { SurveySamplesPage } from './samples/SurveySamplesPage.tsx';
import { VillagePopulationsPage } from './samples/VillagePopulationsPage.tsx';
import { ScreeningPage } from './screening/ScreeningPage.tsx';
import { SectorRecordsPage } from './sector-records/SectorRecordsPage.tsx';

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

export const SurveySamplesRoute = SurveySamplesPage;

export const VillagePopulationsRoute = VillagePopulationsPage;

export const SectorRecordsRoute = SectorRecordsPage;

export function RatesRoute() {
  return <RatesPage jurisdiction={useViewer().jurisdiction} />;
}

export const ImportRoute = ImportPage;
