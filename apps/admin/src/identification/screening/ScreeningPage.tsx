import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import {
  EmptyState,
  enumLabel,
  enumOptions,
  type RegionPicker_region,
  useCountyToday,
  useLocale,
  useWords,
} from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Descriptions, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ListPage, useListPage } from '../../shared/ListPage.tsx';
import { regionIdOf } from '../../shared/listFilters.tsx';
import { RuleIdDetail } from '../../shared/RuleIdDetail.tsx';
import { RuleReasons, RuleReasons_reason } from '../../shared/RuleReasons.tsx';
import { Can, useCan } from '../../shared/viewer.tsx';
import { adminWords } from '../../words.ts';
import { HouseholdDrawer } from '../households/HouseholdDrawer.tsx';
import { FindingDecisionModal } from './FindingDecisionModal.tsx';
import { ScreeningRunCard } from './ScreeningRunCard.tsx';
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
      evidence {
        records {
          recordId
          kind
          details
          source
          recordedOn
        }
      }
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

type Finding = ReturnType<typeof readFinding>;

function readFinding(finding: FragmentOf<typeof FindingRow_finding>) {
  return readFragment(FindingRow_finding, finding);
}

/** The sector records behind a hit, as the API stored them (members by id; no ID numbers). */
function EvidenceList({ records }: { records: Finding['evidence']['records'] }) {
  const words = useWords(screeningWords);
  const { locale } = useLocale();
  if (records.length === 0) return <EmptyState description={words.noEvidence} />;
  return (
    <Descriptions size="small" column={1} bordered data-testid="finding-evidence">
      {records.map((record) => (
        <Descriptions.Item
          key={record.recordId}
          label={`${enumLabel('SectorRecordKind', record.kind, locale)} · ${record.source} · ${record.recordedOn}`}
        >
          <Typography.Text code>{JSON.stringify(record.details)}</Typography.Text>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

const route = getRouteApi('/identification/screening');

/** The state filter: open findings unless the URL says otherwise; ALL is no filter. */
const stateOf = <State extends string>(state: State | 'ALL' | undefined) =>
  state === 'ALL' ? null : (state ?? 'OPEN');

export function ScreeningPage({ jurisdiction }: { jurisdiction: FragmentOf<typeof RegionPicker_region> }) {
  const words = useWords(screeningWords);
  const pageWords = useWords(adminWords);
  const mayDecide = useCan('EXCLUSION_DECIDE');
  const { locale } = useLocale();
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: FindingsQuery,
    variables: {
      state: stateOf(url.state),
      regionId: regionIdOf(url.region),
      first: paging.first,
      after: paging.after,
    },
  }));
  const state = stateOf(page.url.state);
  const openHousehold = page.url.household ?? null;
  const setOpenHousehold = (household: string | null) => page.update({ household: household ?? undefined });
  const [deciding, setDeciding] = useState<{ decision: 'confirm' | 'dismiss'; finding: Finding } | null>(
    null,
  );
  const findings = page.data?.exclusionFindings;
  const connection = findings && {
    ...findings,
    edges: findings.edges.map((edge) => ({ node: readFinding(edge.node) })),
  };
  const currentYear = Number(useCountyToday().slice(0, 4));
  return (
    <ListPage
      title={pageWords.pageScreening}
      page={page}
      header={
        <Can permission="EXCLUSION_SCREEN">
          <ScreeningRunCard
            jurisdiction={jurisdiction}
            onScreened={() => {
              page.paging.reset();
              page.refresh();
            }}
          />
        </Can>
      }
      filters={[
        <Select
          key="state"
          allowClear
          placeholder={words.filterState}
          style={{ width: 130 }}
          value={state}
          onChange={(value) => page.change({ state: value === 'OPEN' ? undefined : (value ?? 'ALL') })}
          options={enumOptions('FindingState', locale)}
        />,
        { region: 'region', id: 'screening-region-filter' },
      ]}
      connection={connection}
      testId="findings-table"
      emptyText={words.noFindings}
      tableProps={{
        size: 'middle',
        expandable: {
          expandedRowRender: (finding) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <RuleReasons reasons={[finding.explanation]} />
              <EvidenceList records={finding.evidence.records} />
              {finding.decisionReason && (
                <Typography.Text>
                  {words.decisionReason}：{finding.decisionReason}
                </Typography.Text>
              )}
            </Space>
          ),
        },
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
              <RuleIdDetail ruleId={finding.ruleId} />
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
              color={finding.state === 'OPEN' ? 'orange' : finding.state === 'CONFIRMED' ? 'red' : 'default'}
            >
              {enumLabel('FindingState', finding.state, locale)}
            </Tag>
          ),
        },
        {
          title: words.columnActions,
          key: 'actions',
          width: 150,
          render: (_, finding) =>
            finding.state === 'OPEN'
              ? mayDecide && (
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
                )
              : finding.application
                ? enumLabel('ApplicationState', finding.application.state, locale)
                : null,
        },
      ]}
    >
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
          onDone={page.refresh}
          onClose={() => setDeciding(null)}
        />
      )}
      {openHousehold && (
        <HouseholdDrawer householdId={openHousehold} onClose={() => setOpenHousehold(null)} />
      )}
    </ListPage>
  );
}
