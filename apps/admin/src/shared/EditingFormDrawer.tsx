import { useWords } from '@gongjian/ui';
import { App, Form, type FormInstance } from 'antd';
import { type ReactNode, useState } from 'react';
import { type CombinedError, type TypedDocumentNode, useClient } from 'urql';
import { adminWords } from '../words.ts';
import { FormDrawer } from './FormDrawer.tsx';
import { useVersionedMutationForm, VersionedFailureAlert } from './useVersionedMutationForm.tsx';

type Outcome = Parameters<ReturnType<typeof useVersionedMutationForm>['settle']>[1];

/**
 * A create-or-edit form for a versioned record: `save` takes the mutation's result and outcome and either
 * says 已保存 and calls `onSaved`, or keeps the failure for the drawer; `loadLatest` reads the record
 * again (after a conflict), hands it to `onLatest` and clears the failure.
 */
export function useEditingForm<
  Values,
  Node extends { __typename: string },
  Typename extends Node['__typename'],
>(options: {
  form: FormInstance<Values>;
  fields: ReadonlyArray<keyof Values & string>;
  onSaved: () => void;
  latest: {
    query: TypedDocumentNode<{ node: Node | null }, { id: string }>;
    typename: Typename;
    onLatest: (node: Extract<Node, { __typename: Typename }>) => void;
  };
}) {
  const words = useWords(adminWords);
  const { message } = App.useApp();
  const client = useClient();
  const { failure, setFailure, settle } = useVersionedMutationForm({
    form: options.form,
    fields: options.fields,
  });
  function save(result: { error?: CombinedError }, outcome: Outcome | null | undefined) {
    if (!settle(result, outcome)) return;
    message.success(words.saved);
    options.onSaved();
  }
  async function loadLatest(id: string) {
    const { query, typename, onLatest } = options.latest;
    const result = await client.query(query, { id }, { requestPolicy: 'network-only' }).toPromise();
    const node = result.data?.node;
    if (node?.__typename !== typename) return;
    onLatest(node as Extract<Node, { __typename: Typename }>);
    setFailure(null);
  }
  return { failure, setFailure, save, loadLatest };
}

export interface EditingFormDrawerProps<Values> {
  title: ReactNode;
  /** The form's name (the prefix of its fields' ids). */
  name: string;
  form: FormInstance<Values>;
  failure: ReturnType<typeof useEditingForm>['failure'];
  failureTestId?: string;
  onLoadLatest: () => void;
  onFinish: (values: Values) => void;
  initialValues: Partial<Values>;
  submitting: boolean;
  onClose: () => void;
  children: ReactNode;
}

/** The drawer of a create-or-edit form: cancel and save at the top, the failure (or the conflict) above the fields. */
export function EditingFormDrawer<Values>({
  title,
  name,
  form,
  failure,
  failureTestId,
  onLoadLatest,
  onFinish,
  initialValues,
  submitting,
  onClose,
  children,
}: EditingFormDrawerProps<Values>) {
  const words = useWords(adminWords);
  return (
    <FormDrawer
      width={480}
      title={title}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={submitting}
      cancelText={words.cancel}
      submitText={words.save}
    >
      <VersionedFailureAlert failure={failure} onLoadLatest={onLoadLatest} testId={failureTestId} />
      <Form<Values>
        name={name}
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={initialValues}
      >
        {children}
      </Form>
    </FormDrawer>
  );
}

/** Which record of a list is open in its editing drawer, if any: a new one, or one of the list's rows. */
export function useEditing<Row extends { id: string }>(rows: ReadonlyArray<Row>) {
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const edited = editing?.id ? rows.find((row) => row.id === editing.id) : undefined;
  return {
    /** Open when creating, or when editing a row that is on the page. */
    open: editing !== null && (editing.id === null || edited !== undefined),
    key: editing?.id ?? 'new',
    edited: edited ?? null,
    create: () => setEditing({ id: null }),
    edit: (id: string) => setEditing({ id }),
    close: () => setEditing(null),
  };
}
