import { graphql, type ResultOf, readFragment } from '@gongjian/schema';
import { QueryErrorAlert, useCountyToday, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import {
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Pagination,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useQuery } from 'urql';
import { MonthInput } from '../../shared/DateInput.tsx';
import { RuleDecision_decision, RuleReasons_reason } from '../../shared/RuleReasons.tsx';
import { reasonText } from '../../shared/ruleText.ts';
import { adminWords } from '../../words.ts';
import { exportQuery } from '../teams/WorkTeamsPage.tsx';
import { assistanceWords } from '../words.ts';

const ComplianceQuery = graphql.persisted(
  'admin/AdminVisitCompliance',
  graphql(
    `
    query AdminVisitCompliance(
      $month: String
      $regionId: ID
      $helperId: ID
      $onlyShort: Boolean
      $by: ComplianceLevel!
      $first: Int
      $offset: Int
    ) {
      visitCompliance(
        month: $month
        regionId: $regionId
        helperId: $helperId
        onlyShort: $onlyShort
        first: $first
        offset: $offset
      ) {
        month
        households
        compliant
        shortCount
        totalCount
        breakdown(by: $by) {
          id
          name
          households
          compliant
          shortCount
        }
        items {
          householdId
          householdNumber
          headName
          townshipName
          villageName
          helperNames
          requiredVisits
          countedVisitDays
          outcome
          decision {
            ...RuleDecision_decision
          }
        }
      }
    }
  `,
    [RuleDecision_decision],
  ),
);

type Page = ResultOf<typeof ComplianceQuery>['visitCompliance'];
type Group = Page['breakdown'][number];
type Item = Page['items'][number];

const route = getRouteApi('/assistance/compliance');
const PAGE_SIZE = 20;

/**
 * 走访达标: the month's paired households by township, then village, then helper, each with how many are
 * short of visits (the rule VISIT.MONTHLY, live), and the list of those not visited enough at every level.
 */
export function CompliancePage() {
  const words = useWords(assistanceWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const today = useCountyToday();
  const url = route.useSearch();
  const navigate = route.useNavigate();
  const month = url.month ?? today.slice(0, 7);
  const names = url.names ?? [];
  const by = url.helper ? 'HELPER' : url.village ? 'HELPER' : url.township ? 'VILLAGE' : 'TOWNSHIP';
  const regionId = url.village ?? url.township ?? null;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ComplianceQuery,
    variables: {
      month,
      regionId,
      helperId: url.helper ?? null,
      onlyShort: !url.all,
      by,
      first: PAGE_SIZE,
      offset: url.offset ?? 0,
    },
  });
  const page = data?.visitCompliance;
  const go = (next: Partial<typeof url>) =>
    navigate({ search: (current) => ({ ...current, offset: undefined, ...next }) });
  const drill = (group: Group) => {
    if (!url.township) go({ township: group.id, names: [group.name] });
    else if (!url.village) go({ village: group.id, names: [names[0] ?? '', group.name] });
    else go({ helper: group.id, names: [names[0] ?? '', names[1] ?? '', group.name] });
  };
  const trail = [
    {
      title: words.county,
      onClick: () => go({ township: undefined, village: undefined, helper: undefined, names: undefined }),
    },
    ...(url.township
      ? [
          {
            title: names[0],
            onClick: () => go({ village: undefined, helper: undefined, names: names.slice(0, 1) }),
          },
        ]
      : []),
    ...(url.village
      ? [{ title: names[1], onClick: () => go({ helper: undefined, names: names.slice(0, 2) }) }]
      : []),
    ...(url.helper ? [{ title: names[2], onClick: () => undefined }] : []),
  ];
  const levelTitle = { TOWNSHIP: '乡镇', VILLAGE: '村', HELPER: words.columnHelper }[by];
  return (
    <Card
      title={pageWords.pageCompliance}
      extra={
        <Button
          href={`/assistance/compliance/export${exportQuery({
            month,
            regionId,
            helperId: url.helper,
            onlyShort: url.all ? 'false' : 'true',
          })}`}
          download
          data-testid="export-compliance"
        >
          {words.exportExcel}
        </Button>
      }
    >
      <div className="gj-page-toolbar">
        <Space wrap>
          <span>{words.month}</span>
          <MonthInput
            style={{ width: 160 }}
            value={month}
            max={today.slice(0, 7)}
            onChange={(value) => go({ month: value || undefined })}
            data-testid="compliance-month"
          />
          <Breadcrumb
            data-testid="compliance-trail"
            items={trail.map((item) => ({
              title: <Typography.Link onClick={item.onClick}>{item.title}</Typography.Link>,
            }))}
          />
        </Space>
      </div>
      {error && (
        <QueryErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      <Space size="large" style={{ marginBottom: 16 }}>
        <Statistic title={words.households} value={page?.households ?? 0} loading={fetching} />
        <Statistic title={words.compliant} value={page?.compliant ?? 0} loading={fetching} />
        <Statistic
          title={words.short}
          value={page?.shortCount ?? 0}
          loading={fetching}
          valueStyle={{ color: (page?.shortCount ?? 0) > 0 ? '#cf1322' : undefined }}
        />
      </Space>
      {!url.helper && (
        <Table<Group>
          data-testid="compliance-breakdown"
          rowKey="id"
          size="small"
          loading={fetching}
          dataSource={page?.breakdown ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          onRow={(group) => ({ onClick: () => drill(group), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: levelTitle,
              dataIndex: 'name',
              key: 'name',
              render: (name: string) => <Typography.Link>{name}</Typography.Link>,
            },
            { title: words.households, dataIndex: 'households', key: 'households' },
            { title: words.compliant, dataIndex: 'compliant', key: 'compliant' },
            {
              title: words.short,
              dataIndex: 'shortCount',
              key: 'short',
              render: (n: number) => <Tag color={n > 0 ? 'red' : 'green'}>{n}</Tag>,
            },
          ]}
        />
      )}
      <Space style={{ margin: '16px 0 8px' }}>
        <strong>{url.all ? words.households : words.shortList}</strong>
        <Checkbox
          checked={url.all === true}
          onChange={(e) => go({ all: e.target.checked ? true : undefined })}
        >
          {words.showAll}
        </Checkbox>
      </Space>
      <Table<Item>
        data-testid="compliance-households"
        rowKey="householdId"
        size="small"
        loading={fetching}
        dataSource={page?.items ?? []}
        pagination={false}
        locale={{ emptyText: words.noShort }}
        columns={[
          { title: '乡镇', dataIndex: 'townshipName', key: 'township' },
          { title: '村', dataIndex: 'villageName', key: 'village' },
          { title: words.columnHousehold, dataIndex: 'householdNumber', key: 'number' },
          { title: words.headName, key: 'head', render: (_, r) => r.headName ?? '—' },
          { title: words.columnHelper, key: 'helpers', render: (_, r) => r.helperNames.join('、') },
          { title: words.required, dataIndex: 'requiredVisits', key: 'required' },
          { title: words.counted, dataIndex: 'countedVisitDays', key: 'counted' },
          {
            title: words.outcome,
            key: 'outcome',
            render: (_, r) => {
              const decision = readFragment(RuleDecision_decision, r.decision);
              const reasons = decision.reasons.map((x) => readFragment(RuleReasons_reason, x));
              const reason = reasons.find((x) => !x.passed) ?? reasons[0];
              return (
                <span title={reason ? reasonText(reason, locale) : undefined}>
                  <Tag color={r.outcome === 'NON_COMPLIANT' ? 'red' : 'green'}>
                    {words[`outcome${r.outcome as 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_REQUIRED'}`] ??
                      r.outcome}
                  </Tag>
                </span>
              );
            },
          },
        ]}
      />
      <Pagination
        style={{ marginTop: 12 }}
        size="small"
        current={Math.floor((url.offset ?? 0) / PAGE_SIZE) + 1}
        pageSize={PAGE_SIZE}
        total={page?.totalCount ?? 0}
        showSizeChanger={false}
        hideOnSinglePage
        onChange={(n) =>
          navigate({ search: (current) => ({ ...current, offset: (n - 1) * PAGE_SIZE || undefined }) })
        }
      />
    </Card>
  );
}
