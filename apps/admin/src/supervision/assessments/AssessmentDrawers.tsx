import { graphql } from '@gongjian/schema';
import { useCountyToday, useWords } from '@gongjian/ui';
import { Button, Checkbox, Form, Input, InputNumber, Space } from 'antd';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { VillageSelect } from '../../shared/pickers.tsx';
import { supervisionListWords } from '../list-words.ts';
import type { AssessmentRow } from './assessmentRow.ts';

const SelfMutation = graphql.persisted(
  'admin/AdminRecordSelfAssessment',
  graphql(
    `
  mutation AdminRecordSelfAssessment($input: RecordSelfAssessmentInput!) {
    recordSelfAssessment(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

const ReviewMutation = graphql.persisted(
  'admin/AdminRecordCountyReview',
  graphql(
    `
  mutation AdminRecordCountyReview($input: RecordCountyReviewInput!) {
    recordCountyReview(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

interface SelfValues {
  villageId: string;
  year: number;
  score: number;
  assessedOn: string;
}

/** 村级自查自评: the village's own score for the year, before the county reviews it. */
export function SelfAssessmentDrawer({ onClose }: { onClose: (saved: boolean) => void }) {
  const words = useWords(supervisionListWords);
  const today = useCountyToday();
  const [form] = Form.useForm<SelfValues>();
  const create = useCreateForm({
    form,
    mutation: SelfMutation,
    fields: ['villageId', 'year', 'score', 'assessedOn'],
    onClose,
  });
  return (
    <CreateFormDrawer<SelfValues>
      width={480}
      title={words.selfAssess}
      create={create}
      initialValues={{ year: Number(today.slice(0, 4)), assessedOn: today }}
      onFinish={(values) => create.save({ input: values }, (data) => data?.recordSelfAssessment)}
    >
      <RequiredItem label={words.village} name="villageId">
        <VillageSelect />
      </RequiredItem>
      <RequiredItem label={words.year} name="year">
        <InputNumber min={2014} max={2100} precision={0} />
      </RequiredItem>
      <RequiredItem label={words.selfScore} name="score">
        <InputNumber min={0} max={100} step={0.1} precision={1} />
      </RequiredItem>
      <RequiredItem label={words.selfAssessedOn} name="assessedOn">
        <DateInput max={today} />
      </RequiredItem>
    </CreateFormDrawer>
  );
}

interface ReviewValues {
  reviewedOn: string;
  problemCount: number;
  items: { name: string; weight: number; score: number; veto?: boolean; vetoHit?: boolean }[];
}

/** 县级复核: the score sheet (weighted items and veto items) and the problems found; the rules give the class. */
export function CountyReviewDrawer({
  assessment,
  onClose,
}: {
  assessment: AssessmentRow;
  onClose: (saved: boolean) => void;
}) {
  const words = useWords(supervisionListWords);
  const today = useCountyToday();
  const [form] = Form.useForm<ReviewValues>();
  const create = useCreateForm({
    form,
    mutation: ReviewMutation,
    fields: ['reviewedOn', 'problemCount'],
    onClose,
  });
  const items = assessment.items.map(({ name, weight, score, veto, vetoHit }) => ({
    name,
    weight,
    score,
    veto,
    vetoHit,
  }));
  return (
    <CreateFormDrawer<ReviewValues>
      width={720}
      title={`${words.review} · ${assessment.village.name} ${assessment.year}`}
      create={create}
      initialValues={{
        reviewedOn: assessment.reviewedOn ?? today,
        problemCount: assessment.problemCount,
        items,
      }}
      onFinish={(values) =>
        create.save(
          { input: { id: assessment.id, version: assessment.version, ...values } },
          (data) => data?.recordCountyReview,
        )
      }
    >
      <RequiredItem label={words.reviewedOn} name="reviewedOn">
        <DateInput max={today} />
      </RequiredItem>
      <RequiredItem label={words.problemCount} name="problemCount">
        <InputNumber min={0} precision={0} />
      </RequiredItem>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap>
                <RequiredItem name={[field.name, 'name']} whitespace>
                  <Input placeholder={words.itemName} style={{ width: 220 }} />
                </RequiredItem>
                <RequiredItem name={[field.name, 'weight']}>
                  <InputNumber placeholder={words.weight} min={0} max={100} />
                </RequiredItem>
                <RequiredItem name={[field.name, 'score']}>
                  <InputNumber placeholder={words.score} min={0} max={100} step={0.5} />
                </RequiredItem>
                <Form.Item name={[field.name, 'veto']} valuePropName="checked">
                  <Checkbox>{words.veto}</Checkbox>
                </Form.Item>
                <Form.Item name={[field.name, 'vetoHit']} valuePropName="checked">
                  <Checkbox>{words.vetoHit}</Checkbox>
                </Form.Item>
                <Button size="small" onClick={() => remove(field.name)}>
                  −
                </Button>
              </Space>
            ))}
            <Button onClick={() => add({ weight: 0, score: 0 })}>{words.addItem}</Button>
          </>
        )}
      </Form.List>
    </CreateFormDrawer>
  );
}
