import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { EmptyState, enumLabel, fill, useLocale, useWords } from '@gongjian/ui';
import { Alert, Button, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { RuleDecision_decision, RuleDecisionView } from '../../shared/RuleReasons.tsx';
import { outcomeText } from '../../shared/ruleText.ts';
import { householdFormWords } from './formWords.ts';
import { householdWords } from './words.ts';

export const IncomesTable_income = graphql(
  `
    fragment IncomesTable_income on IncomeRecord {
      id
      year
      householdSize
      wagesYuan
      businessIncomeYuan
      businessCostsYuan
      propertyIncomeYuan
      transferIncomeYuan
      netIncomeYuan
      perCapitaNetIncomeYuan
      incomeLineYuan
      lineCheck {
        outcome
        ...RuleDecision_decision
      }
    }
  `,
  [RuleDecision_decision],
);

export const GuaranteesTable_guarantee = graphql(
  `
    fragment GuaranteesTable_guarantee on GuaranteeCheck {
      id
      year
      checkedOn
      enoughFood
      enoughClothing
      housingGrade
      relocated
      flatHandedOver
      waterLitresPerPersonPerDay
      waterScarceArea
      waterQualityPassed
      waterPipedToHome
      waterFetchMinutes
      waterOutageDaysPerYear
      notes
      evaluation {
        outcome
        outcomeZh
        ...RuleDecision_decision
      }
    }
  `,
  [RuleDecision_decision],
);

export const MeasuresTable_measure = graphql(`
  fragment MeasuresTable_measure on Measure {
    id
    kind
    status
    description
    department
    startedOn
    completedOn
  }
`);

const yuan = (amount: string) => `¥${amount}`;

/** Income by year; the per-capita net income is the one the rules computed, compared with that year's line. */
export function IncomesTable({
  incomes,
  onEdit,
}: {
  incomes: ReadonlyArray<FragmentOf<typeof IncomesTable_income>> | null;
  onEdit?: (id: string) => void;
}) {
  const words = useWords(householdWords);
  if (incomes === null) return <Alert type="info" showIcon message={words.incomesHidden} />;
  const rows = incomes.map((income) => readFragment(IncomesTable_income, income));
  const columns: TableColumnsType<(typeof rows)[number]> = [
    { title: words.columnYear, dataIndex: 'year', key: 'year', width: 70 },
    { title: words.columnWages, key: 'wages', render: (_, r) => yuan(r.wagesYuan) },
    {
      title: words.columnBusiness,
      key: 'business',
      render: (_, r) => `${yuan(r.businessIncomeYuan)} − ${yuan(r.businessCostsYuan)}`,
    },
    { title: words.columnProperty, key: 'property', render: (_, r) => yuan(r.propertyIncomeYuan) },
    { title: words.columnTransfer, key: 'transfer', render: (_, r) => yuan(r.transferIncomeYuan) },
    { title: words.columnNetIncome, key: 'net', render: (_, r) => yuan(r.netIncomeYuan) },
    { title: words.columnHouseholdSize, dataIndex: 'householdSize', key: 'size', width: 80 },
    {
      title: words.columnPerCapita,
      key: 'perCapita',
      render: (_, r) => (
        <Typography.Text strong data-testid="per-capita-income">
          {yuan(r.perCapitaNetIncomeYuan)}
        </Typography.Text>
      ),
    },
    {
      title: words.columnLine,
      key: 'line',
      render: (_, r) => (r.incomeLineYuan ? yuan(r.incomeLineYuan) : '—'),
    },
  ];
  return (
    <YearTable
      rows={rows}
      columns={columns}
      emptyText={words.noIncomes}
      decisionOf={(r) => r.lineCheck}
      onEdit={onEdit}
    />
  );
}

/** 两不愁三保障 and safe water by year, each with the rules' evaluation and its reasons. */
export function GuaranteesTable({
  guarantees,
  onEdit,
}: {
  guarantees: ReadonlyArray<FragmentOf<typeof GuaranteesTable_guarantee>>;
  onEdit?: (id: string) => void;
}) {
  const words = useWords(householdWords);
  const { locale } = useLocale();
  const rows = guarantees.map((guarantee) => readFragment(GuaranteesTable_guarantee, guarantee));
  const yesNo = (value: boolean) => (
    <Tag color={value ? 'success' : 'error'}>{value ? words.yes : words.no}</Tag>
  );
  const columns: TableColumnsType<(typeof rows)[number]> = [
    { title: words.columnYear, dataIndex: 'year', key: 'year', width: 70 },
    { title: words.columnCheckedOn, dataIndex: 'checkedOn', key: 'checkedOn', width: 110 },
    { title: words.columnFood, key: 'food', render: (_, r) => yesNo(r.enoughFood) },
    { title: words.columnClothing, key: 'clothing', render: (_, r) => yesNo(r.enoughClothing) },
    {
      title: words.columnHousing,
      key: 'housing',
      render: (_, r) =>
        `${enumLabel('HousingGrade', r.housingGrade, locale)}${r.relocated ? ` · ${words.relocated}` : ''}`,
    },
    {
      title: words.columnWater,
      key: 'water',
      render: (_, r) =>
        fill(words.waterSummary, {
          litres: r.waterLitresPerPersonPerDay,
          quality: r.waterQualityPassed ? words.yes : words.no,
          access: r.waterPipedToHome
            ? words.waterPiped
            : fill(words.waterFetch, { minutes: r.waterFetchMinutes ?? '—' }),
          outage: r.waterOutageDaysPerYear,
        }),
    },
    {
      title: words.columnEvaluation,
      key: 'evaluation',
      render: (_, r) => (
        <Tag color={r.evaluation.outcome === 'MET' ? 'success' : 'error'}>
          {outcomeText(r.evaluation, locale)}
        </Tag>
      ),
    },
  ];
  return (
    <YearTable
      rows={rows}
      columns={columns}
      emptyText={words.noGuarantees}
      decisionOf={(r) => r.evaluation}
      onEdit={onEdit}
    />
  );
}

export function MeasuresTable({
  measures,
  onEdit,
}: {
  measures: ReadonlyArray<FragmentOf<typeof MeasuresTable_measure>>;
  onEdit?: (id: string) => void;
}) {
  const words = useWords(householdWords);
  const { locale } = useLocale();
  const rows = measures.map((measure) => readFragment(MeasuresTable_measure, measure));
  const columns: TableColumnsType<(typeof rows)[number]> = [
    {
      title: words.columnMeasureKind,
      key: 'kind',
      width: 120,
      render: (_, r) => enumLabel('MeasureKind', r.kind, locale),
    },
    { title: words.columnMeasure, dataIndex: 'description', key: 'description' },
    { title: words.columnDepartment, dataIndex: 'department', key: 'department', width: 160 },
    {
      title: words.columnPeriod,
      key: 'period',
      width: 200,
      render: (_, r) => `${r.startedOn ?? '—'} ~ ${r.completedOn ?? ''}`,
    },
    {
      title: words.columnStatus,
      key: 'status',
      width: 90,
      render: (_, r) => (
        <Tag color={r.status === 'DONE' ? 'success' : 'processing'}>
          {enumLabel('MeasureStatus', r.status, locale)}
        </Tag>
      ),
    },
  ];
  return <YearTable rows={rows} columns={columns} emptyText={words.noMeasures} onEdit={onEdit} />;
}

/**
 * One of a household's small tables; with `decisionOf`, a row opens onto the rules' decision and its
 * reasons; with `onEdit`, each row has a button that opens it in its form.
 */
function YearTable<Row extends { id: string }>({
  rows,
  columns,
  emptyText,
  decisionOf,
  onEdit,
}: {
  rows: Row[];
  columns: TableColumnsType<Row>;
  emptyText: string;
  decisionOf?: (row: Row) => Parameters<typeof RuleDecisionView>[0]['decision'] | null;
  onEdit?: (id: string) => void;
}) {
  const words = useWords(householdFormWords);
  const edit: TableColumnsType<Row> = onEdit
    ? [
        {
          key: 'edit',
          width: 70,
          render: (_, r) => (
            <Button type="link" size="small" onClick={() => onEdit(r.id)}>
              {words.edit}
            </Button>
          ),
        },
      ]
    : [];
  return (
    <Table<Row>
      rowKey="id"
      size="small"
      columns={[...columns, ...edit]}
      dataSource={rows}
      pagination={false}
      expandable={
        decisionOf && {
          rowExpandable: (r) => decisionOf(r) !== null,
          expandedRowRender: (r) => {
            const decision = decisionOf(r);
            return decision && <RuleDecisionView decision={decision} />;
          },
        }
      }
      locale={{ emptyText: <EmptyState description={emptyText} /> }}
    />
  );
}
