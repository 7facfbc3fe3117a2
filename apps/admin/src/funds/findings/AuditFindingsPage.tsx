import { graphql, type ResultOf } from '@gongjian/schema';
import { describeQueryError, enumLabel, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { App, Button, Popconfirm, Tag } from 'antd';
import { useMutation } from 'urql';
import { describeFailure, MutationFailure_error } from '../../shared/failure.ts';
import { ListPage, useCreateDrawer, useListPage } from '../../shared/ListPage.tsx';
import { adminWords } from '../../words.ts';
import { fundsListWords } from '../list-words.ts';
import { ExportButton } from '../shared/ExportButton.tsx';
import { RecordFindingDrawer } from './RecordFindingDrawer.tsx';

const AuditFindingsQuery = graphql.persisted(
  'admin/AdminAuditFindings',
  graphql(`
  query AdminAuditFindings($status: AuditFindingStatus, $first: Int!, $after: String) {
    auditFindings(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          version
          foundOn
          auditor
          description
          amountWanYuan
          status
          closedAt
          viewerCanClose
          project {
            name
          }
          source {
            name
          }
          task {
            title
            deadline
            status
          }
        }
      }
    }
  }
`),
);

const CloseFindingMutation = graphql.persisted(
  'admin/AdminCloseAuditFinding',
  graphql(
    `
  mutation AdminCloseAuditFinding($input: CloseAuditFindingInput!) {
    closeAuditFinding(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

type FindingRow = ResultOf<typeof AuditFindingsQuery>['auditFindings']['edges'][number]['node'];

const route = getRouteApi('/funds/findings');

/** 审计发现: what the audits found, each with its rectification task; closed only once the task is done. */
export function AuditFindingsPage() {
  const words = useWords(fundsListWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: AuditFindingsQuery,
    variables: { status: url.status ?? null, first: paging.first, after: paging.after },
  }));
  const drawer = useCreateDrawer(page.refresh);
  const [, close] = useMutation(CloseFindingMutation);
  async function closeFinding(finding: FindingRow) {
    const result = await close({ input: { id: finding.id, version: finding.version } });
    const outcome = result.data?.closeAuditFinding;
    if (result.error || !outcome) {
      message.error(result.error ? describeQueryError(result.error, locale) : '');
      return;
    }
    if (outcome.__typename !== 'MutationCloseAuditFindingSuccess') {
      message.error(describeFailure(outcome, locale));
      return;
    }
    message.success(words.closed);
    page.refresh();
  }
  return (
    <ListPage
      title={pageWords.pageAuditFindings}
      extra={<ExportButton list="findings" filters={{ status: page.url.status }} />}
      page={page}
      filters={[
        { choose: 'AuditFindingStatus', param: 'status', placeholder: words.findingStatus, width: 140 },
      ]}
      create={{ permission: 'AUDIT_FINDING', text: words.recordFinding, onClick: drawer.open }}
      connection={page.data?.auditFindings}
      testId="audit-findings-table"
      emptyText={words.noFindings}
      columns={[
        { title: words.foundOn, dataIndex: 'foundOn', key: 'foundOn', width: 110 },
        { title: words.auditor, dataIndex: 'auditor', key: 'auditor', width: 110 },
        {
          title: words.findingSubject,
          key: 'subject',
          render: (_, f) => f.project?.name ?? f.source?.name ?? '—',
        },
        { title: words.description, dataIndex: 'description', key: 'description' },
        { title: words.amountWan, key: 'amount', align: 'right', render: (_, f) => f.amountWanYuan ?? '—' },
        {
          title: words.task,
          key: 'task',
          render: (_, f) =>
            f.task ? (
              <>
                {f.task.title}
                <br />
                <Tag>{enumLabel('DerivedTaskStatus', f.task.status, locale)}</Tag>
                {words.taskDeadline} {f.task.deadline}
              </>
            ) : (
              '—'
            ),
        },
        {
          title: words.findingStatus,
          key: 'status',
          width: 100,
          render: (_, f) => (
            <Tag color={f.status === 'CLOSED' ? 'success' : 'warning'}>
              {enumLabel('AuditFindingStatus', f.status, locale)}
            </Tag>
          ),
        },
        {
          title: pageWords.columnActions,
          key: 'actions',
          width: 90,
          render: (_, f) =>
            f.viewerCanClose && (
              <Popconfirm title={words.closeFinding} onConfirm={() => closeFinding(f)}>
                <Button size="small">{words.closeFinding}</Button>
              </Popconfirm>
            ),
        },
      ]}
    >
      {drawer.creating && <RecordFindingDrawer onClose={drawer.close} />}
    </ListPage>
  );
}
