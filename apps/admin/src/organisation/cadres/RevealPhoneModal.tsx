import { graphql } from '@gongjian/schema';
import { fill, useWords } from '@gongjian/ui';
import { MutationFailure_error } from '../../shared/failure.ts';
import { RevealWithReasonModal, useRevealWithReason } from '../../shared/RevealWithReasonModal.tsx';
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
  const reveal = useRevealWithReason({
    mutation: RevealCadrePhoneMutation,
    variablesOf: (reason) => ({ input: { id: cadre.id, reason } }),
    outcomeOf: (data) => data?.revealCadrePhone,
    onRevealed,
    onClose,
  });
  return (
    <RevealWithReasonModal title={fill(words.revealTitle, { name: cadre.name })} words={words} {...reveal} />
  );
}
