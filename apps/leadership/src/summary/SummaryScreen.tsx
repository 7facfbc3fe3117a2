import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import {
  FullPageSpin,
  fill,
  QueryErrorAlert,
  RegionPicker,
  RegionPicker_region,
  useWords,
} from '@gongjian/ui';
import { Button, Card, Col, Row, Space, Typography } from 'antd';
import { useQuery } from 'urql';
import { pickerValue, regionOfPickerPath, useSelection } from '../selection.tsx';
import { leadershipWords } from '../words.ts';
import { SummaryCards, SummaryCards_summary } from './SummaryCards.tsx';
import { TownshipTable, TownshipTable_summary } from './TownshipTable.tsx';
import { VillagesByKindChart, VillagesByKindChart_summary } from './VillagesByKindChart.tsx';
import { VillageTable } from './VillageTable.tsx';

const SummaryQuery = graphql.persisted(
  'leadership/LeadershipSummary',
  graphql(
    `
    query LeadershipSummary($regionId: ID) {
      organisationSummary(regionId: $regionId) {
        region {
          id
          name
          level
        }
        ...SummaryCards_summary
        ...VillagesByKindChart_summary
        ...TownshipTable_summary
      }
    }
  `,
    [SummaryCards_summary, VillagesByKindChart_summary, TownshipTable_summary],
  ),
);

export function SummaryScreen({ jurisdiction }: { jurisdiction: FragmentOf<typeof RegionPicker_region> }) {
  const words = useWords(leadershipWords);
  const root = readFragment(RegionPicker_region, jurisdiction);
  const { selection, regionId, selectRegion } = useSelection();
  const { townshipId, villageId } = selection;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SummaryQuery,
    variables: { regionId },
  });
  const summary = data?.organisationSummary;

  const header = (
    <Space wrap>
      <Typography.Text type="secondary">{words.scope}</Typography.Text>
      <RegionPicker
        id="summary-scope"
        root={jurisdiction}
        deepest="VILLAGE"
        value={pickerValue(selection, root)}
        placeholder={words.wholeJurisdiction}
        onChange={(path) => selectRegion(...regionOfPickerPath(path, root))}
      />
      {regionId && (
        <Button onClick={() => selectRegion(villageId ? townshipId : null)}>
          {villageId && townshipId ? words.backToTownship : words.back}
        </Button>
      )}
    </Space>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <span data-testid="summary-title">
            {words.summaryTitle}
            {summary && <Typography.Text type="secondary"> · {summary.region.name}</Typography.Text>}
          </span>
        }
        extra={header}
      >
        {error && (
          <QueryErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        )}
        {!summary && fetching && <FullPageSpin />}
        {summary && <SummaryCards summary={summary} />}
      </Card>
      {summary && summary.region.level === 'TOWNSHIP' && (
        <Card title={fill(words.villagesOf, { name: summary.region.name })}>
          <VillageTable
            townshipId={summary.region.id}
            onVillageClick={(id) => selectRegion(townshipId ?? null, id)}
          />
        </Card>
      )}
      {summary && summary.region.level !== 'TOWNSHIP' && summary.region.level !== 'VILLAGE' && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={14}>
            <Card
              title={words.chartTitle}
              extra={<Typography.Text type="secondary">{words.chartHint}</Typography.Text>}
            >
              <VillagesByKindChart summary={summary} onTownshipClick={(id) => selectRegion(id)} />
            </Card>
          </Col>
          <Col xs={24} xxl={10}>
            <Card title={words.townshipTable}>
              <TownshipTable summary={summary} onTownshipClick={(id) => selectRegion(id)} />
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}
