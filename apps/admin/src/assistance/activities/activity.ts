import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';

/** What the activity list shows of an activity and what its edit form needs. */
export const ActivityRow_activity = graphql(`
    fragment ActivityRow_activity on AssistanceActivity {
      id
      version
      kind
      name
      region {
        id
        name
      }
      startDate
      endDate
      participants
      copiesDistributed
      materials
      notes
      viewerCanEdit
    }
  `);

export type ActivityRow = ReturnType<typeof readActivity>;
export const readActivity = (node: FragmentOf<typeof ActivityRow_activity>) =>
  readFragment(ActivityRow_activity, node);
