import { describeQueryError, useLocale, useWords } from '@gongjian/ui';
import { App } from 'antd';
import { type AnyVariables, type TypedDocumentNode, useMutation } from 'urql';
import { describeFailure, type MutationFailure } from '../../shared/failure.ts';
import { supervisionListWords } from '../list-words.ts';

type Outcome = { __typename: string } | null | undefined;

/** A one-click write on a list row (销号, 离任, 发放): the API's refusal in words, or 已保存 and a refresh. */
export function useRowAction<Data, Variables extends AnyVariables>(
  mutation: TypedDocumentNode<Data, Variables>,
  outcomeOf: (data: Data | undefined) => Outcome,
  refresh: () => void,
) {
  const words = useWords(supervisionListWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [, run] = useMutation(mutation);
  return async (variables: Variables) => {
    const result = await run(variables);
    const outcome = outcomeOf(result.data);
    if (result.error || !outcome) message.error(result.error ? describeQueryError(result.error, locale) : '');
    else if (!outcome.__typename.endsWith('Success'))
      message.error(describeFailure(outcome as unknown as MutationFailure, locale));
    else message.success(words.saved);
    refresh();
  };
}
