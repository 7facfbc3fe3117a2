import { AccountabilityPage } from './accountability/AccountabilityPage.tsx';
import { VillageAssessmentsPage } from './assessments/VillageAssessmentsPage.tsx';
import { InspectionsPage } from './inspections/InspectionsPage.tsx';
import { PerformancePage } from './performance/PerformancePage.tsx';
import { ReportsPage } from './reports/ReportsPage.tsx';
import { VillageSupervisorsPage } from './supervisors/VillageSupervisorsPage.tsx';

export const ReportsRoute = ReportsPage;
export const InspectionsRoute = InspectionsPage;
export const VillageSupervisorsRoute = VillageSupervisorsPage;
export const AccountabilityRoute = AccountabilityPage;
export const VillageAssessmentsRoute = VillageAssessmentsPage;
export const PerformanceRoute = PerformancePage;
