import { ActivitiesPage } from './activities/ActivitiesPage.tsx';
import { CompliancePage } from './compliance/CompliancePage.tsx';
import { MyHouseholdsPage } from './my/MyHouseholdsPage.tsx';
import { PairingsPage } from './pairings/PairingsPage.tsx';
import { WorkTeamsPage } from './teams/WorkTeamsPage.tsx';

export const WorkTeamsRoute = WorkTeamsPage;
export const PairingsRoute = PairingsPage;
export const ComplianceRoute = CompliancePage;
export const MyHouseholdsRoute = MyHouseholdsPage;
export const ActivitiesRoute = ActivitiesPage;
