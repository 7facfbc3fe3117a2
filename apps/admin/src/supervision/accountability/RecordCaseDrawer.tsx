import { graphql } from '@gongjian/schema';
import { enumOptions, useCountyToday, useLocale, useWords } from '@gongjian/ui';
import { Alert, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { UnitSelect } from '../../shared/UnitSelect.tsx';
import { supervisionListWords } from '../list-words.ts';

const RecordCaseMutation = graphql.persisted(
  'admin/AdminRecordAccountability',
  graphql(
    `
  mutation AdminRecordAccountability($input: RecordAccountabilityInput!) {
    recordAccountability(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

const BasisOptionsQuery = graphql.persisted(
  'admin/AdminAccountabilityBasisOptions',
  graphql(`
  query AdminAccountabilityBasisOptions($search: String, $reports: Boolean!, $inspection: Boolean!, $audit: Boolean!) {
    reports(filter: { search: $search }, first: 30) @include(if: $reports) {
      edges {
        node {
          id
          receivedOn
          subject
        }
      }
    }
    inspectionFindings(filter: { search: $search }, first: 30) @include(if: $inspection) {
      edges {
        node {
          id
          foundOn
          description
        }
      }
    }
    auditFindings(first: 30) @include(if: $audit) {
      edges {
        node {
          id
          foundOn
          description
        }
      }
    }
  }
`),
);

type Basis = 'REPORT' | 'INSPECTION_FINDING' | 'AUDIT_FINDING';

interface Values {
  kind: 'CONDUCT_ACCOUNTABILITY' | 'CASE_OPENED';
  decidedOn: string;
  personName: string;
  personPost: string;
  unitId?: string;
  measure: string;
  summary: string;
  basis: Basis;
  basisId: string;
}

/** The report, inspection finding or audit finding a case rests on, searched on the server. */
function BasisSelect({
  basis,
  value,
  onChange,
}: {
  basis: Basis;
  value?: string;
  onChange?: (id: string) => void;
}) {
  const [search, setSearch] = useState('');
  const [{ data, fetching }] = useQuery({
    query: BasisOptionsQuery,
    variables: {
      search: search || null,
      reports: basis === 'REPORT',
      inspection: basis === 'INSPECTION_FINDING',
      audit: basis === 'AUDIT_FINDING',
    },
  });
  const options = [
    ...(data?.reports?.edges.map(({ node }) => ({
      value: node.id,
      label: `${node.receivedOn} ${node.subject}`,
    })) ?? []),
    ...(data?.inspectionFindings?.edges.map(({ node }) => ({
      value: node.id,
      label: `${node.foundOn} ${node.description}`,
    })) ?? []),
    ...(data?.auditFindings?.edges.map(({ node }) => ({
      value: node.id,
      label: `${node.foundOn} ${node.description}`,
    })) ?? []),
  ];
  return (
    <Select
      showSearch
      filterOption={false}
      loading={fetching}
      value={value}
      onChange={onChange}
      onSearch={setSearch}
      options={options}
    />
  );
}

const BASIS_FIELD = {
  REPORT: 'reportId',
  INSPECTION_FINDING: 'inspectionFindingId',
  AUDIT_FINDING: 'auditFindingId',
};

/** 登记问责: a person held accountable or a case opened, on exactly one record behind it. */
export function RecordCaseDrawer({ onClose }: { onClose: (saved: boolean) => void }) {
  const words = useWords(supervisionListWords);
  const { locale } = useLocale();
  const today = useCountyToday();
  const [form] = Form.useForm<Values>();
  const basis = Form.useWatch('basis', form) ?? 'REPORT';
  const create = useCreateForm({
    form,
    mutation: RecordCaseMutation,
    fields: ['kind', 'decidedOn', 'personName', 'personPost', 'unitId', 'measure', 'summary'],
    onClose,
  });
  return (
    <CreateFormDrawer<Values>
      width={600}
      title={words.recordCase}
      create={create}
      initialValues={{ kind: 'CONDUCT_ACCOUNTABILITY', decidedOn: today, basis: 'REPORT' }}
      onFinish={({ basis: chosen, basisId, unitId, ...values }) =>
        create.save(
          { input: { ...values, unitId: unitId ?? null, [BASIS_FIELD[chosen]]: basisId } },
          (data) => data?.recordAccountability,
        )
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={words.basisHint} />
      <RequiredItem label={words.kind} name="kind">
        <Select options={enumOptions('AccountabilityKind', locale)} />
      </RequiredItem>
      <RequiredItem label={words.basis} name="basis">
        <Select
          options={(['REPORT', 'INSPECTION_FINDING', 'AUDIT_FINDING'] as const).map((b) => ({
            value: b,
            label: words[b],
          }))}
          onChange={() => form.setFieldValue('basisId', undefined)}
        />
      </RequiredItem>
      <RequiredItem label={words.basisId} name="basisId">
        <BasisSelect basis={basis} />
      </RequiredItem>
      <RequiredItem label={words.decidedOn} name="decidedOn">
        <DateInput max={today} />
      </RequiredItem>
      <RequiredItem label={words.personName} name="personName" whitespace>
        <Input maxLength={50} />
      </RequiredItem>
      <RequiredItem label={words.personPost} name="personPost" whitespace>
        <Input maxLength={100} />
      </RequiredItem>
      <Form.Item label={words.unit} name="unitId">
        <UnitSelect allowClear />
      </Form.Item>
      <RequiredItem label={words.measure} name="measure" whitespace>
        <Input maxLength={100} />
      </RequiredItem>
      <RequiredItem label={words.summary} name="summary" whitespace>
        <Input.TextArea rows={3} maxLength={500} />
      </RequiredItem>
    </CreateFormDrawer>
  );
}
