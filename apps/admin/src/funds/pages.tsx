import { ProjectsPage } from './projects/ProjectsPage.tsx';
import { FundSourcesPage } from './sources/FundSourcesPage.tsx';

export const FundSourcesRoute = FundSourcesPage;
export const ProjectsRoute = ProjectsPage;
