import { useViewer } from '../shared/viewer.tsx';
import { CommandStructurePage } from './command-structure/CommandStructurePage.tsx';
import { DocumentsPage } from './documents/DocumentsPage.tsx';
import { MeetingsPage } from './meetings/MeetingsPage.tsx';
import { ResolutionsPage } from './resolutions/ResolutionsPage.tsx';

export const CommandStructureRoute = CommandStructurePage;

export function MeetingsRoute() {
  return <MeetingsPage jurisdiction={useViewer().jurisdiction} />;
}

export function ResolutionsRoute() {
  return <ResolutionsPage jurisdiction={useViewer().jurisdiction} />;
}

export function DocumentsRoute() {
  return <DocumentsPage jurisdiction={useViewer().jurisdiction} />;
}
