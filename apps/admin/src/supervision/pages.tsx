import { ReportsPage } from './reports/ReportsPage.tsx';

export const ReportsRoute = ReportsPage;
