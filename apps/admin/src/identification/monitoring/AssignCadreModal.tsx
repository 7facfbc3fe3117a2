import { graphql } from '@gongjian/schema';
import { fill, useWords } from '@gongjian/ui';
import { App, Form } from 'antd';
import { useMutation } from 'urql';
import { RequiredItem } from '../../shared/CreateFormDrawer.tsx';
import { FormModal } from '../../shared/FormModal.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { CadreSelect } from '../../shared/pickers.tsx';
import { useMutationForm } from '../../shared/useMutationForm.ts';
import { adminWords } from '../../words.ts';
import { monitoringFormWords } from './formWords.ts';

const AssignCadreMutation = graphql.persisted(
  'admin/AdminAssignResponsibleCadre',
  graphql(
    `
    mutation AdminAssignResponsibleCadre($input: AssignResponsibleCadreInput!) {
      assignResponsibleCadre(input: $input) {
        __typename
        ... on MutationAssignResponsibleCadreSuccess {
          data {
            id
            version
            responsibleCadreName
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [MutationFailure_error],
  ),
);

/** Chooses another responsible cadre (帮扶责任人) for a monitoring object, at its current version. */
export function AssignCadreModal({
  object,
  onClose,
  onAssigned,
}: {
  object: { id: string; version: number; householdLabel: string };
  onClose: () => void;
  onAssigned: () => void;
}) {
  const words = useWords(monitoringFormWords);
  const common = useWords(adminWords);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ responsibleCadreId: string | null }>();
  const { failure, settle } = useMutationForm({ form, fields: ['responsibleCadreId'] });
  const [{ fetching }, assign] = useMutation(AssignCadreMutation);
  async function submit({ responsibleCadreId }: { responsibleCadreId: string | null }) {
    const result = await assign({
      input: {
        monitoringObjectId: object.id,
        version: object.version,
        responsibleCadreId: responsibleCadreId ?? '',
      },
    });
    if (!settle(result, result.data?.assignResponsibleCadre)) return;
    message.success(common.saved);
    onAssigned();
  }
  return (
    <FormModal
      title={fill(words.assignCadreTitle, { household: object.householdLabel })}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={fetching}
      cancelText={common.cancel}
      submitText={common.save}
      failure={failure}
      failureTestId="assign-cadre-failure"
    >
      <Form form={form} layout="vertical" onFinish={submit} name="assignCadre">
        <RequiredItem label={words.fieldCadre} name="responsibleCadreId">
          <CadreSelect placeholder={words.cadrePlaceholder} />
        </RequiredItem>
      </Form>
    </FormModal>
  );
}
