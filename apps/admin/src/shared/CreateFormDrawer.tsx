import { useWords } from '@gongjian/ui';
import { App, Form, type FormInstance, type FormItemProps } from 'antd';
import type { ReactNode } from 'react';
import {
  type AnyVariables,
  type CombinedError,
  type OperationResult,
  type TypedDocumentNode,
  useMutation,
} from 'urql';
import { adminWords } from '../words.ts';
import { FormDrawer } from './FormDrawer.tsx';
import { useMutationForm } from './useMutationForm.ts';

/** A mutation's result as `useMutationForm` settles it: success or one of the typed failures. */
export type MutationOutcome = Parameters<ReturnType<typeof useMutationForm>['settle']>[1];

/**
 * A form that runs one create mutation in a drawer: `save` runs it, shows what went wrong (each
 * validation error on its field when `fields` are named), or says 已保存 and closes the drawer.
 */
export function useCreateForm<Values, Data, Variables extends AnyVariables>(options: {
  form: FormInstance<Values>;
  mutation: TypedDocumentNode<Data, Variables>;
  fields?: ReadonlyArray<keyof Values & string>;
  onClose: (saved: boolean) => void;
}) {
  const words = useWords(adminWords);
  const { message } = App.useApp();
  const { form } = options;
  const { failure, settle } = useMutationForm<Values>({ form, fields: options.fields });
  const [{ fetching }, run] = useMutation(options.mutation);
  async function save(
    variables: Variables,
    outcomeOf: (data: Data | undefined) => MutationOutcome | null | undefined,
  ) {
    const result: OperationResult<Data, Variables> & { error?: CombinedError } = await run(variables);
    if (!settle(result, outcomeOf(result.data))) return;
    message.success(words.saved);
    options.onClose(true);
  }
  return { form, failure, fetching, save, onClose: options.onClose };
}

export interface CreateFormDrawerProps<Values> {
  title: ReactNode;
  width: number;
  /** What `useCreateForm` gave back. */
  create: {
    form: FormInstance<Values>;
    failure: string | null;
    fetching: boolean;
    onClose: (saved: boolean) => void;
  };
  onFinish: (values: Values) => void;
  initialValues?: Partial<Values>;
  children: ReactNode;
}

/** The drawer of a create form: cancel and save at the top, the last failure above the fields. */
export function CreateFormDrawer<Values>({
  title,
  width,
  create,
  onFinish,
  initialValues,
  children,
}: CreateFormDrawerProps<Values>) {
  const words = useWords(adminWords);
  return (
    <FormDrawer
      width={width}
      title={title}
      onClose={() => create.onClose(false)}
      onSubmit={() => create.form.submit()}
      submitting={create.fetching}
      cancelText={words.cancel}
      submitText={words.save}
      failure={create.failure}
    >
      <Form<Values> form={create.form} layout="vertical" onFinish={onFinish} initialValues={initialValues}>
        {children}
      </Form>
    </FormDrawer>
  );
}

/** A form field that must be filled (`whitespace`: and not only with spaces), saying 必填 when it is not. */
export function RequiredItem({ whitespace, rules = [], ...props }: FormItemProps & { whitespace?: boolean }) {
  const words = useWords(adminWords);
  // A `whitespace` key, even undefined, makes antd check the value as text: a number or a list would fail.
  const required = whitespace
    ? { required: true, whitespace, message: words.required }
    : { required: true, message: words.required };
  return <Form.Item {...props} rules={[required, ...rules]} />;
}
