import { type EnumValue, type FragmentOf, graphql, type ResultOf, readFragment } from '@gongjian/schema';
import { enumOptions, fill, useCountyToday, useLocale, useWords } from '@gongjian/ui';
import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { RequiredItem } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { EditingFormDrawer, useEditingForm } from '../../shared/EditingFormDrawer.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { householdFormWords } from './formWords.ts';
import { recentYears } from './IncomeFormDrawer.tsx';

export const GuaranteeFormDrawer_guarantee = graphql(`
  fragment GuaranteeFormDrawer_guarantee on GuaranteeCheck {
    id
    version
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
    waterHorizontalMetres
    waterVerticalMetres
    waterOutageDaysPerYear
    notes
  }
`);

const RecordGuaranteeMutation = graphql.persisted(
  'admin/AdminRecordGuaranteeCheck',
  graphql(
    `
    mutation AdminRecordGuaranteeCheck($input: RecordGuaranteeCheckInput!) {
      recordGuaranteeCheck(input: $input) {
        __typename
        ... on MutationRecordGuaranteeCheckSuccess {
          data {
            id
            ...GuaranteeFormDrawer_guarantee
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [GuaranteeFormDrawer_guarantee, MutationFailure_error],
  ),
);

const LatestGuaranteeQuery = graphql.persisted(
  'admin/AdminLatestGuaranteeCheck',
  graphql(
    `
    query AdminLatestGuaranteeCheck($id: ID!) {
      node(id: $id) {
        __typename
        ... on GuaranteeCheck {
          id
          ...GuaranteeFormDrawer_guarantee
        }
      }
    }
  `,
    [GuaranteeFormDrawer_guarantee],
  ),
);

interface GuaranteeValues {
  year: number;
  checkedOn: string;
  enoughFood: boolean;
  enoughClothing: boolean;
  housingGrade: EnumValue<'HousingGrade'>;
  relocated: boolean;
  flatHandedOver: boolean;
  waterLitresPerPersonPerDay: number;
  waterScarceArea: boolean;
  waterQualityPassed: boolean;
  waterPipedToHome: boolean;
  waterFetchMinutes: number | null;
  waterHorizontalMetres: number | null;
  waterVerticalMetres: number | null;
  waterOutageDaysPerYear: number;
  notes: string;
}

const guaranteeFields = [
  'year',
  'checkedOn',
  'enoughFood',
  'enoughClothing',
  'housingGrade',
  'relocated',
  'flatHandedOver',
  'waterLitresPerPersonPerDay',
  'waterScarceArea',
  'waterQualityPassed',
  'waterPipedToHome',
  'waterFetchMinutes',
  'waterHorizontalMetres',
  'waterVerticalMetres',
  'waterOutageDaysPerYear',
  'notes',
] as const;

function valuesOf(check: ResultOf<typeof GuaranteeFormDrawer_guarantee>): GuaranteeValues {
  const { id: _, version: __, flatHandedOver, ...values } = check;
  return { ...values, flatHandedOver: flatHandedOver ?? false };
}

export interface GuaranteeFormDrawerProps {
  householdId: string;
  /** The year's check to change; null records a year. */
  guarantee: FragmentOf<typeof GuaranteeFormDrawer_guarantee> | null;
  onClose: () => void;
  onSaved: () => void;
}

/** A year's 两不愁三保障 and safe-water check; the rules evaluate it against that year's standards. */
export function GuaranteeFormDrawer({ householdId, guarantee, onClose, onSaved }: GuaranteeFormDrawerProps) {
  const words = useWords(householdFormWords);
  const { locale } = useLocale();
  const today = useCountyToday();
  const [form] = Form.useForm<GuaranteeValues>();
  const [current, setCurrent] = useState(() =>
    guarantee ? readFragment(GuaranteeFormDrawer_guarantee, guarantee) : null,
  );
  const { failure, setFailure, save, loadLatest } = useEditingForm({
    form,
    fields: guaranteeFields,
    onSaved,
    latest: {
      query: LatestGuaranteeQuery,
      typename: 'GuaranteeCheck',
      onLatest: (latest) => {
        const fields = readFragment(GuaranteeFormDrawer_guarantee, latest);
        setCurrent(fields);
        form.setFieldsValue(valuesOf(fields));
      },
    },
  });
  const [{ fetching }, record] = useMutation(RecordGuaranteeMutation);
  const relocated = Form.useWatch('relocated', form);
  const piped = Form.useWatch('waterPipedToHome', form);
  async function submit(values: GuaranteeValues) {
    setFailure(null);
    const result = await record({
      input: {
        ...values,
        householdId,
        version: current?.version ?? null,
        checkedOn: values.checkedOn || null,
        flatHandedOver: values.relocated ? values.flatHandedOver : null,
        waterFetchMinutes: values.waterPipedToHome ? null : (values.waterFetchMinutes ?? null),
        notes: values.notes?.trim() ?? '',
      },
    });
    save(result, result.data?.recordGuaranteeCheck);
  }
  const yesNo = (name: keyof GuaranteeValues, label: string) => (
    <Col span={8} key={name}>
      <Form.Item label={label} name={name} valuePropName="checked">
        <Switch checkedChildren={words.yes} unCheckedChildren={words.no} />
      </Form.Item>
    </Col>
  );
  const count = (name: keyof GuaranteeValues, label: string, max: number, required = false) => (
    <Col span={12} key={name}>
      <Form.Item label={label} name={name} rules={required ? [{ required: true, message: label }] : []}>
        <InputNumber min={0} max={max} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <EditingFormDrawer<GuaranteeValues>
      title={current ? fill(words.editGuarantee, { year: current.year }) : words.recordGuarantee}
      name="guarantee"
      form={form}
      failure={failure}
      onLoadLatest={() => current && loadLatest(current.id)}
      onFinish={submit}
      initialValues={
        current
          ? valuesOf(current)
          : {
              year: Number(today.slice(0, 4)),
              checkedOn: today,
              enoughFood: true,
              enoughClothing: true,
              relocated: false,
              flatHandedOver: false,
              waterScarceArea: false,
              waterQualityPassed: true,
              waterPipedToHome: true,
              waterOutageDaysPerYear: 0,
              notes: '',
            }
      }
      submitting={fetching}
      onClose={onClose}
    >
      <Row gutter={12}>
        <Col span={12}>
          <RequiredItem label={words.fieldYear} name="year">
            <Select
              disabled={current !== null}
              options={recentYears(Number(today.slice(0, 4))).map((year) => ({
                value: year,
                label: String(year),
              }))}
            />
          </RequiredItem>
        </Col>
        <Col span={12}>
          <Form.Item label={words.fieldCheckedOn} name="checkedOn">
            <DateInput max={today} />
          </Form.Item>
        </Col>
        {yesNo('enoughFood', words.fieldFood)}
        {yesNo('enoughClothing', words.fieldClothing)}
        {yesNo('relocated', words.fieldRelocated)}
        <Col span={12}>
          <RequiredItem label={words.fieldHousing} name="housingGrade">
            <Select options={enumOptions('HousingGrade', locale)} />
          </RequiredItem>
        </Col>
        {relocated && yesNo('flatHandedOver', words.fieldFlatHandedOver)}
      </Row>
      <Row gutter={12}>
        {count('waterLitresPerPersonPerDay', words.fieldWaterLitres, 1000, true)}
        {count('waterOutageDaysPerYear', words.fieldWaterOutage, 366)}
        {yesNo('waterQualityPassed', words.fieldWaterQuality)}
        {yesNo('waterPipedToHome', words.fieldWaterPiped)}
        {yesNo('waterScarceArea', words.fieldWaterScarce)}
        {!piped && count('waterFetchMinutes', words.fieldWaterFetch, 600)}
        {!piped && count('waterHorizontalMetres', words.fieldWaterHorizontal, 100_000)}
        {!piped && count('waterVerticalMetres', words.fieldWaterVertical, 10_000)}
      </Row>
      <Form.Item label={words.fieldNotes} name="notes">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </EditingFormDrawer>
  );
}
