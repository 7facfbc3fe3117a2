import { graphql } from '@gongjian/schema';
import { useCountyToday, useWords } from '@gongjian/ui';
import { Form, Input, InputNumber } from 'antd';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { UnitSelect } from '../../shared/UnitSelect.tsx';
import { supervisionListWords } from '../list-words.ts';

const RecordPerformanceMutation = graphql.persisted(
  'admin/AdminRecordPerformanceAssessment',
  graphql(
    `
  mutation AdminRecordPerformanceAssessment($input: RecordPerformanceAssessmentInput!) {
    recordPerformanceAssessment(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

interface Values {
  unitId: string;
  year: number;
  score: number;
  totalBonusYuan: string;
  campaignBonusYuan: string;
}

/**
 * 登记绩效考核: a unit's score for a year and its bonuses in 元. The server judges the campaign share
 * (PERFORMANCE.BONUS_SHARE) and refuses what cannot be, each refusal shown on its field.
 */
export function RecordPerformanceDrawer({ onClose }: { onClose: (saved: boolean) => void }) {
  const words = useWords(supervisionListWords);
  const thisYear = Number(useCountyToday().slice(0, 4));
  const [form] = Form.useForm<Values>();
  const create = useCreateForm({
    form,
    mutation: RecordPerformanceMutation,
    fields: ['unitId', 'year', 'score', 'totalBonusYuan', 'campaignBonusYuan'],
    onClose,
  });
  return (
    <CreateFormDrawer<Values>
      width={480}
      title={words.recordPerformance}
      create={create}
      initialValues={{ year: thisYear }}
      onFinish={(values) =>
        create.save(
          {
            input: {
              ...values,
              totalBonusYuan: values.totalBonusYuan.trim(),
              campaignBonusYuan: values.campaignBonusYuan.trim(),
            },
          },
          (data) => data?.recordPerformanceAssessment,
        )
      }
    >
      <RequiredItem label={words.assessedUnit} name="unitId">
        <UnitSelect placeholder={words.searchUnits} />
      </RequiredItem>
      <RequiredItem label={words.year} name="year">
        <InputNumber min={2014} max={thisYear} precision={0} />
      </RequiredItem>
      <RequiredItem label={words.score} name="score">
        <InputNumber min={0} max={100} step={0.1} precision={1} />
      </RequiredItem>
      <RequiredItem label={words.totalBonusYuan} name="totalBonusYuan" whitespace>
        <Input inputMode="decimal" maxLength={20} />
      </RequiredItem>
      <RequiredItem label={words.campaignBonusYuan} name="campaignBonusYuan" whitespace>
        <Input inputMode="decimal" maxLength={20} />
      </RequiredItem>
    </CreateFormDrawer>
  );
}
