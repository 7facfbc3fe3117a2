import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import {
  EmptyState,
  fill,
  formatNumber,
  QueryErrorAlert,
  RegionPicker_region,
  useCountyToday,
  useWords,
} from '@gongjian/ui';
import {
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { RuleDecision_decision, RuleDecisionView } from '../../shared/RuleReasons.tsx';
import { adminWords } from '../../words.ts';
import { ratesWords } from './words.ts';

/** A judged rate as the table shows it: the value, the verdict, the threshold and the counts behind it. */
const RatesRow_rate = graphql(`
  fragment RatesRow_rate on JudgedRate @_unmask {
    percent
    passed
    comparison
    thresholdPercent
    numerator
    denominator
  }
`);

export const RatesRow_row = graphql(
  `
  fragment RatesRow_row on IdentificationRatesRow {
    regionId
    name
    level
    verdict
    ruralPopulation
    registeredPoorPersons
    sampledExitedPersons
    wrongExitPersons
    sampledNonRegisteredPersons
    missedPersons
    surveyedHouseholds
    recognisingHouseholds
    incidence {
      ...RatesRow_rate
    }
    missedRate {
      ...RatesRow_rate
    }
    wrongExitRate {
      ...RatesRow_rate
    }
    recognition {
      ...RatesRow_rate
    }
  }
`,
  [RatesRow_rate],
);

const RatesQuery = graphql.persisted(
  'admin/AdminIdentificationRates',
  graphql(
    `
    query AdminIdentificationRates($year: Int!, $regionId: ID) {
      identificationRates(year: $year, regionId: $regionId) {
        year
        total {
          ...RatesRow_row
        }
        townships {
          regionId
          ...RatesRow_row
        }
        villages {
          regionId
          ...RatesRow_row
        }
        countyExit {
          outcome
          ...RuleDecision_decision
        }
      }
    }
  `,
    [RatesRow_row, RuleDecision_decision],
  ),
);

const LatestSampleYearQuery = graphql.persisted(
  'admin/AdminLatestSurveyYear',
  graphql(`
  query AdminLatestSurveyYear {
    surveySamples(first: 1) {
      edges {
        node {
          id
          year
        }
      }
    }
  }
`),
);

type RatesRow = ReturnType<typeof readRow>;
type JudgedRate = NonNullable<RatesRow['incidence']>;

function readRow(row: FragmentOf<typeof RatesRow_row>) {
  return readFragment(RatesRow_row, row);
}

/** The overall verdict, as the server decided it: an unknown rate leaves the region not assessed. */
function VerdictTag({ verdict }: { verdict: RatesRow['verdict'] }) {
  const words = useWords(ratesWords);
  if (verdict === 'NOT_ASSESSED') return <Tag data-testid="rates-verdict">{words.notAssessed}</Tag>;
  const passed = verdict === 'PASSED';
  return (
    <Tag color={passed ? 'success' : 'error'} data-testid="rates-verdict">
      {passed ? words.pass : words.fail}
    </Tag>
  );
}

/** A rate against its threshold: green when it passes, red when not, grey when not assessed. */
function RateCell({ rate, testId }: { rate: JudgedRate | null; testId?: string }) {
  const words = useWords(ratesWords);
  if (!rate) return <Tag data-testid={testId}>{words.notAssessed}</Tag>;
  return (
    <Tooltip
      title={fill(words.rateTooltip, {
        numerator: rate.numerator,
        denominator: rate.denominator,
        comparison: rate.comparison,
        threshold: rate.thresholdPercent,
      })}
    >
      <Tag color={rate.passed ? 'success' : 'error'} data-testid={testId}>
        {rate.percent} {rate.passed ? words.pass : words.fail}
      </Tag>
    </Tooltip>
  );
}

function RatesTable({ rows, onDrill }: { rows: RatesRow[]; onDrill?: (row: RatesRow) => void }) {
  const words = useWords(ratesWords);
  const columns: TableColumnsType<RatesRow> = [
    {
      title: words.columnRegion,
      key: 'name',
      render: (_, row) =>
        onDrill ? (
          <Button type="link" size="small" onClick={() => onDrill(row)}>
            {row.name}
          </Button>
        ) : (
          row.name
        ),
    },
    {
      title: words.columnPopulation,
      key: 'population',
      width: 100,
      render: (_, row) =>
        row.ruralPopulation == null ? words.populationNotRecorded : formatNumber(row.ruralPopulation),
    },
    {
      title: words.columnPoorPersons,
      key: 'poor',
      width: 100,
      render: (_, row) => formatNumber(row.registeredPoorPersons),
    },
    { title: words.incidence, key: 'incidence', render: (_, row) => <RateCell rate={row.incidence} /> },
    { title: words.missedRate, key: 'missed', render: (_, row) => <RateCell rate={row.missedRate} /> },
    {
      title: words.wrongExitRate,
      key: 'wrongExit',
      render: (_, row) => <RateCell rate={row.wrongExitRate} />,
    },
    { title: words.recognition, key: 'recognition', render: (_, row) => <RateCell rate={row.recognition} /> },
    {
      title: words.overall,
      key: 'verdict',
      width: 90,
      fixed: 'right',
      render: (_, row) => <VerdictTag verdict={row.verdict} />,
    },
  ];
  return (
    <Table<RatesRow>
      rowKey="regionId"
      size="small"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      pagination={rows.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
      locale={{ emptyText: <EmptyState /> }}
    />
  );
}

export function RatesPage({ jurisdiction }: { jurisdiction: FragmentOf<typeof RegionPicker_region> }) {
  const words = useWords(ratesWords);
  const pageWords = useWords(adminWords);
  const root = readFragment(RegionPicker_region, jurisdiction);
  const [trail, setTrail] = useState<{ id: string; name: string }[]>([]);
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [{ data: latest, fetching: findingYear }] = useQuery({ query: LatestSampleYearQuery });
  const thisYear = Number(useCountyToday().slice(0, 4));
  const year = chosenYear ?? latest?.surveySamples.edges[0]?.node.year ?? thisYear - 1;
  const scope = trail[trail.length - 1] ?? null;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: RatesQuery,
    variables: { year, regionId: scope?.id ?? null },
    // The default year is the latest one sampled; a clerk who cannot list samples starts from last year.
    pause: findingYear && chosenYear === null,
  });
  const rates = data?.identificationRates;
  const total = rates ? readRow(rates.total) : null;
  const townships = (rates?.townships ?? []).map(readRow).filter((row) => row.regionId !== total?.regionId);
  const villages = (rates?.villages ?? []).map(readRow);
  const drill = (row: RatesRow) => setTrail((current) => [...current, { id: row.regionId, name: row.name }]);

  return (
    <Card
      title={pageWords.pageRates}
      extra={
        <Space>
          {words.year}
          <Select<number>
            value={year}
            onChange={setChosenYear}
            style={{ width: 100 }}
            options={Array.from({ length: thisYear - 2013 }, (_, i) => thisYear - i).map((value) => ({
              value,
              label: value,
            }))}
          />
        </Space>
      }
    >
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ id: '', name: root.name }, ...trail].map((step, index, all) => ({
          title:
            index === all.length - 1 ? (
              <span data-testid="rates-scope">{step.name}</span>
            ) : (
              <Button
                type="link"
                size="small"
                style={{ padding: 0, height: 'auto' }}
                onClick={() => setTrail(trail.slice(0, index))}
              >
                {step.name}
              </Button>
            ),
        }))}
      />
      {error && (
        <QueryErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      {fetching && !rates && <Table loading columns={[]} dataSource={[]} />}
      {total && (
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2, xxl: 4 }}
          style={{ marginBottom: 16 }}
          data-testid="rates-total"
        >
          <Descriptions.Item label={words.incidence}>
            <RateCell rate={total.incidence} testId="total-incidence" />
          </Descriptions.Item>
          <Descriptions.Item label={words.missedRate}>
            <RateCell rate={total.missedRate} />
          </Descriptions.Item>
          <Descriptions.Item label={words.wrongExitRate}>
            <RateCell rate={total.wrongExitRate} />
          </Descriptions.Item>
          <Descriptions.Item label={words.recognition}>
            <RateCell rate={total.recognition} />
          </Descriptions.Item>
          <Descriptions.Item label={words.columnPopulation}>
            {total.ruralPopulation == null
              ? words.populationNotRecorded
              : formatNumber(total.ruralPopulation)}
          </Descriptions.Item>
          <Descriptions.Item label={words.columnPoorPersons}>{total.registeredPoorPersons}</Descriptions.Item>
          <Descriptions.Item label={words.samples}>
            {fill(words.samplesDetail, {
              exited: total.sampledExitedPersons,
              wrong: total.wrongExitPersons,
              nonRegistered: total.sampledNonRegisteredPersons,
              missed: total.missedPersons,
            })}
          </Descriptions.Item>
          <Descriptions.Item label={words.surveyed}>
            {fill(words.surveyedDetail, {
              surveyed: total.surveyedHouseholds,
              recognising: total.recognisingHouseholds,
            })}
          </Descriptions.Item>
        </Descriptions>
      )}
      {rates && (
        <Tabs
          items={[
            ...(townships.length > 0
              ? [
                  {
                    key: 'townships',
                    label: `${words.byTownship} (${townships.length})`,
                    children: <RatesTable rows={townships} onDrill={drill} />,
                  },
                ]
              : []),
            {
              key: 'villages',
              label: `${words.byVillage} (${villages.length})`,
              children: <RatesTable rows={villages} />,
            },
            ...(rates.countyExit
              ? [
                  {
                    key: 'county',
                    label: words.countyExit,
                    children: <RuleDecisionView decision={rates.countyExit} />,
                  },
                ]
              : []),
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {words.thresholdNote}
      </Typography.Paragraph>
    </Card>
  );
}
