import { graphql } from '@gongjian/schema';
import { useWords } from '@gongjian/ui';
import { Alert, Col, Form, Input, InputNumber, Row } from 'antd';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { VillageSelect } from '../../shared/pickers.tsx';
import { sampleWords } from './words.ts';

const SetVillagePopulationMutation = graphql.persisted(
  'admin/AdminSetVillagePopulation',
  graphql(
    `
    mutation AdminSetVillagePopulation($input: SetVillagePopulationInput!) {
      setVillagePopulation(input: $input) {
        __typename
        ...MutationFailure_error
      }
    }
  `,
    [MutationFailure_error],
  ),
);

/** The row being changed, as the list shows it. */
export interface PopulationRow {
  year: number;
  ruralPopulation: number;
  ruralHouseholds: number;
  village: { id: string; name: string; parent?: { name: string } | null };
}

interface Values {
  villageId: string;
  year: number;
  ruralPopulation: number;
  ruralHouseholds: number;
}

const fields = ['villageId', 'year', 'ruralPopulation', 'ruralHouseholds'] as const;

/** Records a village's rural population for a year, or changes the one recorded (`row`). */
export function SetVillagePopulationDrawer({
  row,
  onClose,
}: {
  row: PopulationRow | null;
  onClose: (saved: boolean) => void;
}) {
  const words = useWords(sampleWords);
  const [form] = Form.useForm<Values>();
  const create = useCreateForm({ form, mutation: SetVillagePopulationMutation, fields, onClose });
  function submit(values: Values) {
    create.save(
      {
        input: {
          villageId: row?.village.id ?? values.villageId,
          year: row?.year ?? values.year,
          ruralPopulation: values.ruralPopulation,
          ruralHouseholds: values.ruralHouseholds,
        },
      },
      (data) => data?.setVillagePopulation,
    );
  }
  return (
    <CreateFormDrawer<Values>
      title={row ? words.editPopulationTitle : words.recordPopulation}
      width={480}
      create={create}
      onFinish={submit}
      initialValues={row ?? {}}
    >
      <Alert type="info" showIcon message={words.populationHint} style={{ marginBottom: 16 }} />
      {row ? (
        <Form.Item label={words.fieldVillage}>
          <Input disabled value={`${row.village.parent?.name ?? ''} · ${row.village.name} · ${row.year}`} />
        </Form.Item>
      ) : (
        <Row gutter={12}>
          <Col span={16}>
            <RequiredItem label={words.fieldVillage} name="villageId">
              <VillageSelect placeholder={words.villagePlaceholder} />
            </RequiredItem>
          </Col>
          <Col span={8}>
            <RequiredItem label={words.fieldYear} name="year">
              <InputNumber min={2014} max={2100} precision={0} style={{ width: '100%' }} />
            </RequiredItem>
          </Col>
        </Row>
      )}
      <Row gutter={12}>
        <Col span={12}>
          <RequiredItem label={words.fieldPopulation} name="ruralPopulation">
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </RequiredItem>
        </Col>
        <Col span={12}>
          <RequiredItem label={words.fieldHouseholds} name="ruralHouseholds">
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </RequiredItem>
        </Col>
      </Row>
    </CreateFormDrawer>
  );
}
