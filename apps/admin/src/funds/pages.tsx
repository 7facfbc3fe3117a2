import { AuditFindingsPage } from './findings/AuditFindingsPage.tsx';
import { DisbursementsPage } from './ledger/DisbursementsPage.tsx';
import { FundAllocationsPage } from './ledger/FundAllocationsPage.tsx';
import { NoticesPage } from './notices/NoticesPage.tsx';
import { ProjectsPage } from './projects/ProjectsPage.tsx';
import { FundSourcesPage } from './sources/FundSourcesPage.tsx';

export const FundSourcesRoute = FundSourcesPage;
export const ProjectsRoute = ProjectsPage;
export const FundAllocationsRoute = FundAllocationsPage;
export const DisbursementsRoute = DisbursementsPage;
export const NoticesRoute = NoticesPage;
export const AuditFindingsRoute = AuditFindingsPage;
