import { useLocale, useWords } from '@gongjian/ui';
import { App, Button, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { describeFailure } from '../../shared/failure.ts';
import { CadreSelect } from '../../shared/pickers.tsx';
import { editWords } from '../edit-words.ts';

/**
 * Settles a member mutation of the command structure: on success calls `onChanged` and says true; otherwise
 * shows the failure (with its rule explanation) as a message.
 */
export function useMemberOutcome(onChanged: () => void) {
  const { locale } = useLocale();
  const { message } = App.useApp();
  return (outcome: { __typename: string } | null | undefined, error: unknown) => {
    if (outcome?.__typename.endsWith('Success')) {
      onChanged();
      return true;
    }
    if (outcome && 'code' in outcome) message.error(describeFailure(outcome as never, locale));
    else if (error) message.error(String(error));
    return false;
  };
}

/** Choose a cadre (and whatever `before` adds, e.g. a role) and add them: the member-picking row. */
export function AddCadreControl({
  id,
  before,
  adding,
  testId,
  onAdd,
}: {
  id: string;
  before?: ReactNode;
  adding: boolean;
  testId: string;
  /** Adds the cadre; true when added (the choice is then cleared). */
  onAdd: (cadreId: string) => Promise<boolean>;
}) {
  const words = useWords(editWords);
  const [cadreId, setCadreId] = useState<string | null>(null);
  return (
    <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
      {before}
      <CadreSelect
        value={cadreId}
        onChange={setCadreId}
        placeholder={words.chooseCadre}
        style={{ width: '100%' }}
        id={id}
      />
      <Button
        type="primary"
        disabled={!cadreId}
        loading={adding}
        data-testid={testId}
        onClick={async () => {
          if (await onAdd(cadreId!)) setCadreId(null);
        }}
      >
        {words.addMember}
      </Button>
    </Space.Compact>
  );
}
