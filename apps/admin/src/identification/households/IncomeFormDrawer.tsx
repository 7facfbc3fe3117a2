import { type FragmentOf, graphql, type ResultOf, readFragment } from '@gongjian/schema';
import { fill, useCountyToday, useWords } from '@gongjian/ui';
import { Col, Form, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { RequiredItem } from '../../shared/CreateFormDrawer.tsx';
import { EditingFormDrawer, useEditingForm } from '../../shared/EditingFormDrawer.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { householdFormWords } from './formWords.ts';

export const IncomeFormDrawer_income = graphql(`
  fragment IncomeFormDrawer_income on IncomeRecord {
    id
    version
    year
    wagesYuan
    businessIncomeYuan
    businessCostsYuan
    propertyIncomeYuan
    transferIncomeYuan
  }
`);

const RecordIncomeMutation = graphql.persisted(
  'admin/AdminRecordIncome',
  graphql(
    `
    mutation AdminRecordIncome($input: RecordIncomeInput!) {
      recordIncome(input: $input) {
        __typename
        ... on MutationRecordIncomeSuccess {
          data {
            id
            ...IncomeFormDrawer_income
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [IncomeFormDrawer_income, MutationFailure_error],
  ),
);

const LatestIncomeQuery = graphql.persisted(
  'admin/AdminLatestIncome',
  graphql(
    `
    query AdminLatestIncome($id: ID!) {
      node(id: $id) {
        __typename
        ... on IncomeRecord {
          id
          ...IncomeFormDrawer_income
        }
      }
    }
  `,
    [IncomeFormDrawer_income],
  ),
);

interface IncomeValues {
  year: number;
  wagesYuan: string;
  businessIncomeYuan: string;
  businessCostsYuan: string;
  propertyIncomeYuan: string;
  transferIncomeYuan: string;
}

const amountFields = [
  'wagesYuan',
  'businessIncomeYuan',
  'businessCostsYuan',
  'propertyIncomeYuan',
  'transferIncomeYuan',
] as const;
const incomeFields = ['year', ...amountFields] as const;
const amountPattern = /^\d{1,9}(\.\d{1,2})?$/;

function valuesOf(income: ResultOf<typeof IncomeFormDrawer_income>): IncomeValues {
  const { id: _, version: __, ...values } = income;
  return values;
}

/** The years a record can be for, newest first: from the current year back to 2013. */
export function recentYears(newest: number): number[] {
  return Array.from({ length: newest - 2012 }, (_, index) => newest - index);
}

export interface IncomeFormDrawerProps {
  householdId: string;
  /** The year's record to change; null records a year. */
  income: FragmentOf<typeof IncomeFormDrawer_income> | null;
  onClose: () => void;
  onSaved: () => void;
}

/** A year's income components; the rules compute the per-capita net income from them. */
export function IncomeFormDrawer({ householdId, income, onClose, onSaved }: IncomeFormDrawerProps) {
  const words = useWords(householdFormWords);
  const today = useCountyToday();
  const [form] = Form.useForm<IncomeValues>();
  const [current, setCurrent] = useState(() =>
    income ? readFragment(IncomeFormDrawer_income, income) : null,
  );
  const { failure, setFailure, save, loadLatest } = useEditingForm({
    form,
    fields: incomeFields,
    onSaved,
    latest: {
      query: LatestIncomeQuery,
      typename: 'IncomeRecord',
      onLatest: (latest) => {
        const fields = readFragment(IncomeFormDrawer_income, latest);
        setCurrent(fields);
        form.setFieldsValue(valuesOf(fields));
      },
    },
  });
  const [{ fetching }, record] = useMutation(RecordIncomeMutation);
  async function submit(values: IncomeValues) {
    setFailure(null);
    const amounts = Object.fromEntries(amountFields.map((field) => [field, values[field].trim()])) as Pick<
      IncomeValues,
      (typeof amountFields)[number]
    >;
    const result = await record({
      input: { householdId, year: values.year, version: current?.version ?? null, ...amounts },
    });
    save(result, result.data?.recordIncome);
  }
  const lastYear = Number(today.slice(0, 4)) - 1;
  const amount = (name: (typeof amountFields)[number], label: string) => (
    <Col span={12} key={name}>
      <RequiredItem
        label={label}
        name={name}
        whitespace
        rules={[{ pattern: amountPattern, message: words.amountFormat }]}
      >
        <Input inputMode="decimal" />
      </RequiredItem>
    </Col>
  );
  return (
    <EditingFormDrawer<IncomeValues>
      title={current ? fill(words.editIncome, { year: current.year }) : words.recordIncome}
      name="income"
      form={form}
      failure={failure}
      onLoadLatest={() => current && loadLatest(current.id)}
      onFinish={submit}
      initialValues={
        current
          ? valuesOf(current)
          : {
              year: lastYear,
              wagesYuan: '0',
              businessIncomeYuan: '0',
              businessCostsYuan: '0',
              propertyIncomeYuan: '0',
              transferIncomeYuan: '0',
            }
      }
      submitting={fetching}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{words.incomeHint}</Typography.Paragraph>
      <RequiredItem label={words.fieldYear} name="year">
        <Select
          disabled={current !== null}
          style={{ width: 140 }}
          options={recentYears(lastYear + 1).map((year) => ({ value: year, label: String(year) }))}
        />
      </RequiredItem>
      <Row gutter={12}>
        {amount('wagesYuan', words.fieldWages)}
        {amount('transferIncomeYuan', words.fieldTransfer)}
        {amount('businessIncomeYuan', words.fieldBusinessIncome)}
        {amount('businessCostsYuan', words.fieldBusinessCosts)}
        {amount('propertyIncomeYuan', words.fieldProperty)}
      </Row>
    </EditingFormDrawer>
  );
}
