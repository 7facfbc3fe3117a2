import { graphql } from '@gongjian/schema';
import { commonWords, describeQueryError, fill, useLocale, useWords } from '@gongjian/ui';
import { useMutation } from 'urql';
import { describeFailure, MutationFailure_error } from '../../shared/failure.ts';
import { RevealWithReasonModal } from '../../shared/RevealWithReasonModal.tsx';
import { adminWords } from '../../words.ts';

const RevealCadrePhoneMutation = graphql.persisted(
  'admin/AdminRevealCadrePhone',
  graphql(
    `
  mutation AdminRevealCadrePhone($input: RevealCadrePhoneInput!) {
    revealCadrePhone(input: $input) {
      __typename
      ... on MutationRevealCadrePhoneSuccess {
        data
      }
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

export interface RevealPhoneModalProps {
  cadre: { id: string; name: string };
  onRevealed: (phone: string) => void;
  onClose: () => void;
}

/** Asks why the full number is needed; the server logs the reason with the look. */
export function RevealPhoneModal({ cadre, onRevealed, onClose }: RevealPhoneModalProps) {
  const words = useWords(adminWords);
  const common = useWords(commonWords);
  const { locale } = useLocale();
  const [{ fetching }, reveal] = useMutation(RevealCadrePhoneMutation);

  async function revealWith(reason: string) {
    const result = await reveal({ input: { id: cadre.id, reason } });
    const outcome = result.data?.revealCadrePhone;
    if (result.error) return describeQueryError(result.error, locale);
    if (!outcome) return common.unexpectedError;
    if (outcome.__typename === 'MutationRevealCadrePhoneSuccess') {
      onRevealed(outcome.data);
      onClose();
      return;
    }
    return describeFailure(outcome, locale);
  }

  return (
    <RevealWithReasonModal
      title={fill(words.revealTitle, { name: cadre.name })}
      words={words}
      revealing={fetching}
      onReveal={revealWith}
      onClose={onClose}
    />
  );
}
