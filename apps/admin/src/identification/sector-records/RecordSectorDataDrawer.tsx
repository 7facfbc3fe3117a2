import { type EnumValue, graphql } from '@gongjian/schema';
import { enumOptions, useCountyToday, useLocale, useWords } from '@gongjian/ui';
import { Alert, Col, Form, Input, Row, Select, Switch } from 'antd';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { sectorRecordWords } from './words.ts';

const RecordSectorDataMutation = graphql.persisted(
  'admin/AdminRecordSectorData',
  graphql(
    `
    mutation AdminRecordSectorData($input: SectorRecordInput!) {
      recordSectorData(input: $input) {
        __typename
        ...MutationFailure_error
      }
    }
  `,
    [MutationFailure_error],
  ),
);

interface Values {
  idNumber: string;
  kind: EnumValue<'SectorRecordKind'>;
  source: string;
  recordedOn: string;
  vehicleKind?: EnumValue<'VehicleKind'>;
  purchasePriceYuan?: string;
  productive: boolean;
  propertyKind?: EnumValue<'TownPropertyKind'>;
  businessKind?: EnumValue<'BusinessKind'>;
  registered: boolean;
  operating: boolean;
}

/** The form's fields the server's field errors land on (the typed objects' fields by their last name). */
const fields = [
  'idNumber',
  'kind',
  'source',
  'recordedOn',
  'vehicleKind',
  'purchasePriceYuan',
  'productive',
  'propertyKind',
  'businessKind',
  'registered',
  'operating',
] as const;

/** The typed object of the record's kind (decision 0026); other kinds carry none. */
function typedDetails(values: Values) {
  switch (values.kind) {
    case 'VEHICLE':
      return {
        vehicle: {
          vehicleKind: values.vehicleKind!,
          purchasePriceYuan: values.purchasePriceYuan?.trim() ?? '',
          productive: values.productive,
        },
      };
    case 'TOWN_PROPERTY':
      return { townProperty: { propertyKind: values.propertyKind! } };
    case 'BUSINESS':
      return {
        business: {
          businessKind: values.businessKind!,
          registered: values.registered,
          operating: values.operating,
        },
      };
    default:
      return {};
  }
}

/** Records one sector fact about a person; the fields follow the kind's typed details. */
export function RecordSectorDataDrawer({ onClose }: { onClose: (saved: boolean) => void }) {
  const words = useWords(sectorRecordWords);
  const { locale } = useLocale();
  const today = useCountyToday();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const create = useCreateForm({ form, mutation: RecordSectorDataMutation, fields, onClose });
  function submit(values: Values) {
    create.save(
      {
        input: {
          idNumber: values.idNumber.trim(),
          kind: values.kind,
          source: values.source.trim(),
          recordedOn: values.recordedOn || null,
          ...typedDetails(values),
        },
      },
      (data) => data?.recordSectorData,
    );
  }
  const yesNo = { checkedChildren: words.yes, unCheckedChildren: words.no };
  return (
    <CreateFormDrawer<Values>
      title={words.record}
      width={560}
      create={create}
      onFinish={submit}
      initialValues={{ productive: false, registered: true, operating: true, recordedOn: today }}
    >
      <Alert type="info" showIcon message={words.recordHint} style={{ marginBottom: 16 }} />
      <Row gutter={12}>
        <Col span={12}>
          <RequiredItem label={words.fieldIdNumber} name="idNumber" whitespace>
            <Input maxLength={18} />
          </RequiredItem>
        </Col>
        <Col span={12}>
          <RequiredItem label={words.fieldKind} name="kind">
            <Select options={enumOptions('SectorRecordKind', locale)} />
          </RequiredItem>
        </Col>
        <Col span={12}>
          <RequiredItem label={words.fieldSource} name="source" whitespace>
            <Input maxLength={60} />
          </RequiredItem>
        </Col>
        <Col span={12}>
          <Form.Item label={words.fieldRecordedOn} name="recordedOn">
            <DateInput max={today} />
          </Form.Item>
        </Col>
      </Row>
      {kind === 'VEHICLE' && (
        <Row gutter={12}>
          <Col span={12}>
            <RequiredItem label={words.fieldVehicleKind} name="vehicleKind">
              <Select options={enumOptions('VehicleKind', locale)} />
            </RequiredItem>
          </Col>
          <Col span={12}>
            <RequiredItem label={words.fieldPrice} name="purchasePriceYuan" whitespace>
              <Input placeholder={words.pricePlaceholder} />
            </RequiredItem>
          </Col>
          <Col span={12}>
            <Form.Item label={words.fieldProductive} name="productive" valuePropName="checked">
              <Switch {...yesNo} />
            </Form.Item>
          </Col>
        </Row>
      )}
      {kind === 'TOWN_PROPERTY' && (
        <RequiredItem label={words.fieldPropertyKind} name="propertyKind">
          <Select options={enumOptions('TownPropertyKind', locale)} />
        </RequiredItem>
      )}
      {kind === 'BUSINESS' && (
        <Row gutter={12}>
          <Col span={12}>
            <RequiredItem label={words.fieldBusinessKind} name="businessKind">
              <Select options={enumOptions('BusinessKind', locale)} />
            </RequiredItem>
          </Col>
          <Col span={6}>
            <Form.Item label={words.fieldRegistered} name="registered" valuePropName="checked">
              <Switch {...yesNo} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={words.fieldOperating} name="operating" valuePropName="checked">
              <Switch {...yesNo} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </CreateFormDrawer>
  );
}
