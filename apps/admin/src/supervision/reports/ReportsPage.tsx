import { graphql, type ResultOf } from '@gongjian/schema';
import { enumLabel, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { App, Button, Checkbox, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { describeFailure, MutationFailure_error } from '../../shared/failure.ts';
import { ListPage, useListPage } from '../../shared/ListPage.tsx';
import { supervisionWords } from '../words.ts';
import { ReceiveReportDrawer } from './ReceiveReportDrawer.tsx';
import { type ReportStep, ReportStepModal, ReportStepModal_report } from './ReportStepModal.tsx';

const ReportsQuery = graphql.persisted(
  'admin/AdminReports',
  graphql(
    `
  query AdminReports($filter: ReportFilter, $first: Int!, $after: String) {
    reports(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          version
          receivedOn
          subject
          category
          state
          overdue
          anonymous
          region {
            name
          }
          assignedUnit {
            name
          }
          reporter {
            name
          }
          steps {
            step
            dueBy
            status
          }
          viewerCanAssign
          viewerCanHandle
          viewerCanReply
          viewerCanClose
          ...ReportStepModal_report
        }
      }
    }
  }
`,
    [ReportStepModal_report],
  ),
);

const CloseMutation = graphql.persisted(
  'admin/AdminCloseReport',
  graphql(
    `
  mutation AdminCloseReport($input: CloseReportInput!) {
    closeReport(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

type ReportRow = ResultOf<typeof ReportsQuery>['reports']['edges'][number]['node'];

const route = getRouteApi('/supervision/reports');

/** The export takes the list's own filters; the server leaves the reporter out for other roles. */
function exportUrl(url: { state?: string; category?: string; overdue?: boolean; search?: string }) {
  const params = new URLSearchParams();
  if (url.state) params.set('state', url.state);
  if (url.category) params.set('category', url.category);
  if (url.overdue) params.set('overdue', 'true');
  if (url.search) params.set('search', url.search);
  const query = params.toString();
  return `/supervision/export/reports${query ? `?${query}` : ''}`;
}

/** 举报受理与办理: intake, assignment, handling, reply and closure by role, and the overdue queue. */
export function ReportsPage() {
  const words = useWords(supervisionWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [receiving, setReceiving] = useState(false);
  const [step, setStep] = useState<{ step: ReportStep; report: ReportRow } | null>(null);
  const [, close] = useMutation(CloseMutation);
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: ReportsQuery,
    variables: {
      filter: {
        state: url.state ?? null,
        category: url.category ?? null,
        overdue: url.overdue ?? null,
        search: url.search ?? null,
      },
      first: paging.first,
      after: paging.after,
    },
  }));
  const connection = page.data?.reports;
  async function closeReport(report: ReportRow) {
    const r = await close({ input: { id: report.id, version: report.version } });
    const outcome = r.data?.closeReport;
    if (r.error || !outcome) message.error(r.error?.message ?? '');
    else if (outcome.__typename !== 'MutationCloseReportSuccess')
      message.error(describeFailure(outcome as never, locale));
    else message.success(words.saved);
    page.refresh();
  }
  return (
    <ListPage<ReportRow, typeof page.url>
      title={words.receive}
      extra={
        <Button href={exportUrl(page.url)} download data-testid="export-reports">
          {words.exportExcel}
        </Button>
      }
      page={page}
      filters={[
        { search: 'search', placeholder: words.searchReports, width: 220 },
        { choose: 'ReportState', param: 'state', placeholder: words.filterState, width: 140 },
        { choose: 'ReportCategory', param: 'category', placeholder: words.filterCategory, width: 160 },
        <Checkbox
          key="overdue"
          data-testid="overdue-only"
          checked={page.url.overdue ?? false}
          onChange={(e) => page.change({ overdue: e.target.checked || undefined })}
        >
          {words.overdueOnly}
        </Checkbox>,
      ]}
      create={{ permission: 'REPORT_INTAKE', text: words.receive, onClick: () => setReceiving(true) }}
      connection={connection}
      testId="reports-table"
      emptyText={words.noReports}
      columns={[
        { title: words.columnReceivedOn, dataIndex: 'receivedOn', width: 110 },
        { title: words.columnSubject, dataIndex: 'subject' },
        {
          title: words.columnCategory,
          dataIndex: 'category',
          render: (value: string) => enumLabel('ReportCategory', value, locale),
        },
        { title: words.columnRegion, render: (_: unknown, r: ReportRow) => r.region.name },
        {
          title: words.columnState,
          render: (_: unknown, r: ReportRow) => <Tag>{enumLabel('ReportState', r.state, locale)}</Tag>,
        },
        {
          title: words.columnAssignedUnit,
          render: (_: unknown, r: ReportRow) => r.assignedUnit?.name ?? '—',
        },
        {
          title: words.columnTimeliness,
          render: (_: unknown, r: ReportRow) =>
            r.overdue ? <Tag color="red">{words.overdue}</Tag> : <Tag color="green">{words.onTime}</Tag>,
        },
        {
          title: words.columnReporter,
          render: (_: unknown, r: ReportRow) => (r.anonymous ? words.anonymous : (r.reporter?.name ?? '—')),
        },
        {
          title: words.columnActions,
          render: (_: unknown, r: ReportRow) => (
            <Space size="small">
              {r.viewerCanAssign && (
                <Button size="small" onClick={() => setStep({ step: 'assign', report: r })}>
                  {words.assign}
                </Button>
              )}
              {r.viewerCanHandle && (
                <Button size="small" onClick={() => setStep({ step: 'handle', report: r })}>
                  {words.handle}
                </Button>
              )}
              {r.viewerCanReply && (
                <Button size="small" onClick={() => setStep({ step: 'reply', report: r })}>
                  {words.reply}
                </Button>
              )}
              {r.viewerCanClose && (
                <Popconfirm title={words.closeConfirm} onConfirm={() => closeReport(r)}>
                  <Button size="small" type="primary">
                    {words.close}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ),
        },
      ]}
    >
      {receiving && (
        <ReceiveReportDrawer
          onClose={(saved) => {
            setReceiving(false);
            if (saved) page.refresh();
          }}
        />
      )}
      {step && (
        <ReportStepModal
          step={step.step}
          report={step.report}
          onClose={(saved) => {
            setStep(null);
            if (saved) page.refresh();
          }}
        />
      )}
    </ListPage>
  );
}
