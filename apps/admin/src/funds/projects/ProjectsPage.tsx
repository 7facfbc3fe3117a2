import { graphql } from '@gongjian/schema';
import { enumLabel, fill, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { ListPage, useCreateDrawer, useListPage } from '../../shared/ListPage.tsx';
import { Can } from '../../shared/viewer.tsx';
import { adminWords } from '../../words.ts';
import { fundsListWords } from '../list-words.ts';
import { ExportButton } from '../shared/ExportButton.tsx';
import { YearFilter } from '../shared/YearFilter.tsx';
import { fundsWords } from '../words.ts';
import { ApplyProjectDrawer } from './ApplyProjectDrawer.tsx';
import { ImportProjectsModal } from './ImportProjectsModal.tsx';
import { projectImportWords } from './import-words.ts';
import { type Action, ProjectActionModal, ProjectActionModal_project } from './ProjectActionModal.tsx';

const ProjectsQuery = graphql.persisted(
  'admin/AdminProjects',
  graphql(
    `
  query AdminProjects($state: ProjectState, $year: Int, $search: String, $first: Int!, $after: String) {
    projects(state: $state, year: $year, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          year
          state
          region {
            name
          }
          responsibleUnitName
          budgetWanYuan
          allocatedWanYuan
          unallocatedWanYuan
          disbursedWanYuan
          payableWanYuan
          performanceTarget
          povertyLink
          steps {
            toState
            actedOn
            actedByName
            notes
          }
          viewerCanAdvance
          viewerCanAllocate
          viewerCanDisburse
          ...ProjectActionModal_project
        }
      }
    }
  }
`,
    [ProjectActionModal_project],
  ),
);

const route = getRouteApi('/funds/projects');

/** 项目库: the projects of the jurisdiction by stage and year, the money and what remains beside each, the steps. */
export function ProjectsPage() {
  const words = useWords(fundsWords);
  const listWords = useWords(fundsListWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: ProjectsQuery,
    variables: {
      state: url.state ?? null,
      year: url.year ?? null,
      search: url.search || null,
      first: paging.first,
      after: paging.after,
    },
  }));
  const { url } = page;
  const [action, setAction] = useState<Action | null>(null);
  const [importing, setImporting] = useState(false);
  const importWords = useWords(projectImportWords);
  const drawer = useCreateDrawer(page.refresh);
  const stateLabel = (state: Parameters<typeof enumLabel<'ProjectState'>>[1]) =>
    enumLabel('ProjectState', state, locale);
  return (
    <ListPage
      title={pageWords.pageProjects}
      extra={
        <Space>
          <Can permission="PROJECT_IMPORT">
            <Button onClick={() => setImporting(true)} data-testid="open-project-import">
              {importWords.importProjects}
            </Button>
          </Can>
          <ExportButton list="projects" filters={{ state: url.state, year: url.year, search: url.search }} />
        </Space>
      }
      page={page}
      filters={[
        { choose: 'ProjectState', param: 'state', placeholder: words.filterState, width: 180 },
        <YearFilter key="year" value={url.year} onChange={(year) => page.change({ year })} />,
        { search: 'search', placeholder: words.searchName, width: 240 },
      ]}
      create={{ permission: 'PROJECT_APPLY', text: listWords.applyProject, onClick: drawer.open }}
      connection={page.data?.projects}
      testId="projects-table"
      emptyText={words.noProjects}
      tableProps={{
        expandable: {
          expandedRowRender: (p) => (
            <Space direction="vertical" size={2}>
              <span>
                {words.columnTarget}：{p.performanceTarget}
              </span>
              <span>
                {listWords.fieldPovertyLink}：{p.povertyLink}
              </span>
              <strong>{listWords.steps}</strong>
              {p.steps.map((step) => (
                <span key={`${step.toState}-${step.actedOn}`}>
                  {fill(listWords.stepLine, {
                    on: step.actedOn,
                    to: stateLabel(step.toState),
                    who: step.actedByName ?? '—',
                    notes: step.notes ?? '',
                  })}
                </span>
              ))}
            </Space>
          ),
        },
      }}
      columns={[
        { title: words.columnName, dataIndex: 'name', key: 'name' },
        { title: words.filterYear, dataIndex: 'year', key: 'year', width: 90 },
        { title: words.columnVillage, key: 'village', render: (_, p) => p.region.name },
        { title: words.columnUnit, dataIndex: 'responsibleUnitName', key: 'unit' },
        { title: words.columnState, key: 'state', render: (_, p) => <Tag>{stateLabel(p.state)}</Tag> },
        { title: words.columnBudget, dataIndex: 'budgetWanYuan', key: 'budget', align: 'right' },
        { title: words.columnAllocated, dataIndex: 'allocatedWanYuan', key: 'allocated', align: 'right' },
        {
          title: listWords.columnUnallocated,
          dataIndex: 'unallocatedWanYuan',
          key: 'unallocated',
          align: 'right',
        },
        { title: words.columnDisbursed, dataIndex: 'disbursedWanYuan', key: 'disbursed', align: 'right' },
        { title: listWords.columnPayableWan, dataIndex: 'payableWanYuan', key: 'payable', align: 'right' },
        {
          title: words.columnActions,
          key: 'actions',
          render: (_, p) => (
            <Space size="small">
              {p.viewerCanAdvance && (
                <Button size="small" onClick={() => setAction({ kind: 'advance', project: p })}>
                  {words.advance}
                </Button>
              )}
              {p.viewerCanAllocate && (
                <Button size="small" onClick={() => setAction({ kind: 'allocate', project: p })}>
                  {words.allocate}
                </Button>
              )}
              {p.viewerCanDisburse && (
                <Button size="small" onClick={() => setAction({ kind: 'disburse', project: p })}>
                  {words.disburse}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    >
      {action && (
        <ProjectActionModal
          action={action}
          onClose={(saved) => {
            setAction(null);
            if (saved) page.refresh();
          }}
        />
      )}
      {drawer.creating && <ApplyProjectDrawer onClose={drawer.close} />}
      {importing && (
        <ImportProjectsModal
          onClose={(imported) => {
            setImporting(false);
            if (imported) page.refresh();
          }}
        />
      )}
    </ListPage>
  );
}
