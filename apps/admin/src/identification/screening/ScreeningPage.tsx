import { type EnumValue, type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import {
  commonWords,
  describeQueryError,
  EmptyState,
  fill,
  QueryErrorAlert,
  RegionPicker,
  type RegionPicker_region,
  useCountyToday,
  useLocale,
  useWords,
} from '@gongjian/ui';
import { Alert, Button, Card, Descriptions, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeFailure, MutationFailure_error } from '../../shared/failure.ts';
import { RuleReasons, RuleReasons_reason } from '../../shared/RuleReasons.tsx';
import { ConnectionPager, usePagedFilters } from '../../shared/usePagedFilters.tsx';
import { adminWords } from '../../words.ts';
import { HouseholdDrawer } from '../households/HouseholdDrawer.tsx';
import { label, options } from '../labels.ts';
import { FindingDecisionModal } from './FindingDecisionModal.tsx';
import { screeningWords } from './words.ts';

export const FindingRow_finding = graphql(
  `
    fragment FindingRow_finding on ExclusionFinding {
      id
      ruleId
      ruleLabel
      state
      screenedOn
      sources
      evidenceJson
      decisionReason
      decidedAt
      version
      explanation {
        ...RuleReasons_reason
      }
      application {
        id
        state
      }
      household {
        id
        householdNumber
        status
        guarantees {
          id
          year
        }
        head {
          id
          name
        }
        village {
          id
          name
        }
      }
    }
  `,
  [RuleReasons_reason],
);

const FindingsQuery = graphql.persisted(
  'admin/AdminExclusionFindings',
  graphql(
    `
    query AdminExclusionFindings($state: FindingState, $regionId: ID, $first: Int!, $after: String) {
      exclusionFindings(state: $state, regionId: $regionId, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            ...FindingRow_finding
          }
        }
      }
    }
  `,
    [FindingRow_finding],
  ),
);

const RunMutation = graphql.persisted(
  'admin/AdminRunExclusionScreening',
  graphql(
    `
    mutation AdminRunExclusionScreening($input: ExclusionScreeningInput) {
      runExclusionScreening(input: $input) {
        __typename
        ... on MutationRunExclusionScreeningSuccess {
          data {
            screenedHouseholds
            hitHouseholds
            newFindingCount
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [MutationFailure_error],
  ),
);

const HouseholdLookupQuery = graphql.persisted(
  'admin/AdminScreeningHouseholdLookup',
  graphql(`
  query AdminScreeningHouseholdLookup($search: String!) {
    households(search: $search, first: 10) {
      edges {
        node {
          id
          householdNumber
          head {
            id
            name
            idNumber
          }
        }
      }
    }
  }
`),
);

type Finding = ReturnType<typeof readFinding>;

function readFinding(finding: FragmentOf<typeof FindingRow_finding>) {
  return readFragment(FindingRow_finding, finding);
}

interface Evidence {
  records?: {
    recordId: number;
    memberId: number;
    kind: string;
    details: unknown;
    source: string;
    recordedOn: string;
  }[];
}

/** The sector records behind a hit, as the API stored them (members by id; no ID numbers). */
function EvidenceList({ evidenceJson }: { evidenceJson: string }) {
  const words = useWords(screeningWords);
  let evidence: Evidence = {};
  try {
    evidence = JSON.parse(evidenceJson) as Evidence;
  } catch {
    return <Typography.Text type="secondary">{evidenceJson}</Typography.Text>;
  }
  const records = evidence.records ?? [];
  if (records.length === 0) return <EmptyState description={words.noEvidence} />;
  return (
    <Descriptions size="small" column={1} bordered data-testid="finding-evidence">
      {records.map((record) => (
        <Descriptions.Item
          key={record.recordId}
          label={`${record.kind} · ${record.source} · ${record.recordedOn}`}
        >
          <Typography.Text code>{JSON.stringify(record.details)}</Typography.Text>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

type Scope = 'county' | 'region' | 'household';

export function ScreeningPage({ jurisdiction }: { jurisdiction: FragmentOf<typeof RegionPicker_region> }) {
  const words = useWords(screeningWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const { paging, filter } = usePagedFilters();
  const [state, setState] = useState<EnumValue<'FindingState'> | null>('OPEN');
  const [regionPath, setRegionPath] = useState<string[]>([]);
  const [scope, setScope] = useState<Scope>('region');
  const [runRegionPath, setRunRegionPath] = useState<string[]>([]);
  const [householdSearch, setHouseholdSearch] = useState('');
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const [runSummary, setRunSummary] = useState<string | null>(null);
  const [runFailure, setRunFailure] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<{ decision: 'confirm' | 'dismiss'; finding: Finding } | null>(
    null,
  );
  const [openHousehold, setOpenHousehold] = useState<string | null>(null);
  const [{ fetching: running }, run] = useMutation(RunMutation);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: FindingsQuery,
    variables: {
      state,
      regionId: regionPath[regionPath.length - 1] ?? null,
      first: paging.first,
      after: paging.after,
    },
  });
  const [{ data: lookup, fetching: lookingUp }] = useQuery({
    query: HouseholdLookupQuery,
    variables: { search: householdSearch },
    pause: householdSearch.length < 1,
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const connection = data?.exclusionFindings;
  const currentYear = Number(useCountyToday().slice(0, 4));
  const runRegionId = runRegionPath[runRegionPath.length - 1] ?? null;
  const runReady =
    scope === 'county' || (scope === 'region' && runRegionId) || (scope === 'household' && householdId);

  async function runScreening() {
    setRunSummary(null);
    setRunFailure(null);
    const input =
      scope === 'household' ? { householdId } : scope === 'region' ? { regionId: runRegionId } : {};
    const result = await run({ input });
    if (result.error) return setRunFailure(describeQueryError(result.error, locale));
    const outcome = result.data?.runExclusionScreening;
    if (!outcome) return setRunFailure(commonWords[locale].unexpectedError);
    if (outcome.__typename === 'MutationRunExclusionScreeningSuccess') {
      setRunSummary(
        fill(words.runSummary, {
          screened: outcome.data.screenedHouseholds,
          hits: outcome.data.hitHouseholds,
          fresh: outcome.data.newFindingCount,
        }),
      );
      paging.reset();
      return refresh();
    }
    setRunFailure(describeFailure(outcome, locale));
  }

  const rows = connection?.edges.map((edge) => readFinding(edge.node)) ?? [];
  return (
    <Card title={pageWords.pageScreening}>
      <Card size="small" type="inner" title={words.runTitle} style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select<Scope>
            value={scope}
            onChange={setScope}
            style={{ width: 150 }}
            options={[
              { value: 'county', label: words.scopeJurisdiction },
              { value: 'region', label: words.scopeRegion },
              { value: 'household', label: words.scopeHousehold },
            ]}
          />
          {scope === 'region' && (
            <RegionPicker
              id="screening-run-region"
              root={jurisdiction}
              value={runRegionPath}
              onChange={setRunRegionPath}
            />
          )}
          {scope === 'household' && (
            <Select
              showSearch={{ filterOption: false, onSearch: setHouseholdSearch }}
              placeholder={words.householdPlaceholder}
              style={{ width: 320 }}
              loading={lookingUp}
              value={householdId ?? undefined}
              onChange={(value) => setHouseholdId(value ?? null)}
              options={(lookup?.households.edges ?? []).map((edge) => ({
                value: edge.node.id,
                label: `${edge.node.head?.name ?? '—'} · ${edge.node.householdNumber} · ${edge.node.head?.idNumber ?? ''}`,
              }))}
            />
          )}
          <Button
            type="primary"
            onClick={runScreening}
            loading={running}
            disabled={!runReady}
            data-testid="run-screening"
          >
            {words.run}
          </Button>
          {running && <Spin tip={words.running} size="small" />}
        </Space>
        {runSummary && (
          <Alert
            type="success"
            showIcon
            message={runSummary}
            style={{ marginTop: 12 }}
            data-testid="screening-summary"
          />
        )}
        {runFailure && <Alert type="error" showIcon message={runFailure} style={{ marginTop: 12 }} />}
      </Card>
      <div className="gj-page-toolbar">
        <Select
          allowClear
          placeholder={words.filterState}
          style={{ width: 130 }}
          value={state}
          onChange={(value) => filter(setState)(value ?? null)}
          options={options('FindingState', locale)}
        />
        <RegionPicker
          id="screening-region-filter"
          root={jurisdiction}
          value={regionPath}
          onChange={filter(setRegionPath)}
        />
      </div>
      {error && <QueryErrorAlert error={error} onRetry={refresh} />}
      <Table<Finding>
        data-testid="findings-table"
        rowKey="id"
        size="middle"
        loading={fetching}
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <EmptyState description={words.noFindings} /> }}
        expandable={{
          expandedRowRender: (finding) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <RuleReasons reasons={[finding.explanation]} />
              <EvidenceList evidenceJson={finding.evidenceJson} />
              {finding.decisionReason && (
                <Typography.Text>
                  {words.decisionReason}：{finding.decisionReason}
                </Typography.Text>
              )}
            </Space>
          ),
        }}
        columns={[
          {
            title: words.columnHousehold,
            key: 'household',
            render: (_, finding) => (
              <Button type="link" size="small" onClick={() => setOpenHousehold(finding.household.id)}>
                {finding.household.head?.name ?? '—'} · {finding.household.householdNumber}
              </Button>
            ),
          },
          {
            title: words.columnVillage,
            key: 'village',
            render: (_, finding) => finding.household.village.name,
          },
          {
            title: words.columnRule,
            key: 'rule',
            render: (_, finding) => (
              <Space direction="vertical" size={0}>
                <span>{finding.ruleLabel}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {finding.ruleId}
                </Typography.Text>
              </Space>
            ),
          },
          { title: words.columnSources, key: 'sources', render: (_, finding) => finding.sources.join('、') },
          { title: words.columnScreenedOn, dataIndex: 'screenedOn', key: 'screenedOn', width: 110 },
          {
            title: words.columnState,
            key: 'state',
            width: 90,
            render: (_, finding) => (
              <Tag
                color={
                  finding.state === 'OPEN' ? 'orange' : finding.state === 'CONFIRMED' ? 'red' : 'default'
                }
              >
                {label('FindingState', finding.state, locale)}
              </Tag>
            ),
          },
          {
            title: words.columnActions,
            key: 'actions',
            width: 150,
            render: (_, finding) =>
              finding.state === 'OPEN' ? (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    danger
                    onClick={() => setDeciding({ decision: 'confirm', finding })}
                  >
                    {words.confirm}
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setDeciding({ decision: 'dismiss', finding })}
                  >
                    {words.dismiss}
                  </Button>
                </Space>
              ) : finding.application ? (
                label('ApplicationState', finding.application.state, locale)
              ) : null,
          },
        ]}
      />
      <ConnectionPager paging={paging} connection={connection} fetching={fetching} />
      {deciding && (
        <FindingDecisionModal
          decision={deciding.decision}
          finding={{
            id: deciding.finding.id,
            version: deciding.finding.version,
            ruleLabel: deciding.finding.ruleLabel,
            headName: deciding.finding.household.head?.name ?? '',
          }}
          defaultYear={deciding.finding.household.guarantees[0]?.year ?? currentYear - 1}
          onDone={refresh}
          onClose={() => setDeciding(null)}
        />
      )}
      {openHousehold && (
        <HouseholdDrawer householdId={openHousehold} onClose={() => setOpenHousehold(null)} />
      )}
    </Card>
  );
}
