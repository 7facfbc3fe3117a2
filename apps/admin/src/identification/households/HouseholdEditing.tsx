import type { FragmentOf } from '@gongjian/schema';
import { useWords } from '@gongjian/ui';
import { Button } from 'antd';
import { householdFormWords } from './formWords.ts';
import { GuaranteeFormDrawer, type GuaranteeFormDrawer_guarantee } from './GuaranteeFormDrawer.tsx';
import { EditHouseholdDrawer, type HouseholdFormDrawer_household } from './HouseholdFormDrawer.tsx';
import { IncomeFormDrawer, type IncomeFormDrawer_income } from './IncomeFormDrawer.tsx';
import { MeasureFormDrawer, type MeasureFormDrawer_measure } from './MeasureFormDrawer.tsx';
import { MemberFormDrawer, type MemberFormDrawer_member, RemoveMemberModal } from './MemberFormDrawer.tsx';

/** Which of a household's records is open in a form: `id` null adds one. */
export type Editing =
  | { record: 'household' }
  | { record: 'member' | 'income' | 'guarantee' | 'measure'; id: string | null }
  | { record: 'removeMember'; id: string };

interface Editable {
  id: string;
  household: FragmentOf<typeof HouseholdFormDrawer_household>;
  members: ReadonlyArray<{
    id: string;
    name: string;
    version: number;
    form: FragmentOf<typeof MemberFormDrawer_member>;
  }>;
  incomes: ReadonlyArray<{ id: string; form: FragmentOf<typeof IncomeFormDrawer_income> }>;
  guarantees: ReadonlyArray<{ id: string; form: FragmentOf<typeof GuaranteeFormDrawer_guarantee> }>;
  measures: ReadonlyArray<{ id: string; form: FragmentOf<typeof MeasureFormDrawer_measure> }>;
}

/** The form open on a household's record, if any; saving closes it and reads the household again. */
export function HouseholdEditing({
  editing,
  household,
  onClose,
  onSaved,
}: {
  editing: Editing | null;
  household: Editable;
  onClose: () => void;
  onSaved: () => void;
}) {
  if (!editing) return null;
  const saved = () => {
    onClose();
    onSaved();
  };
  const props = { householdId: household.id, onClose, onSaved: saved };
  const find = <Row extends { id: string }>(rows: ReadonlyArray<Row>, id: string | null) =>
    id === null ? null : (rows.find((row) => row.id === id) ?? null);
  switch (editing.record) {
    case 'household':
      return <EditHouseholdDrawer household={household.household} onClose={onClose} onSaved={saved} />;
    case 'member':
      return <MemberFormDrawer {...props} member={find(household.members, editing.id)?.form ?? null} />;
    case 'removeMember': {
      const member = find(household.members, editing.id);
      return member && <RemoveMemberModal member={member} onClose={onClose} onRemoved={saved} />;
    }
    case 'income':
      return <IncomeFormDrawer {...props} income={find(household.incomes, editing.id)?.form ?? null} />;
    case 'guarantee':
      return (
        <GuaranteeFormDrawer {...props} guarantee={find(household.guarantees, editing.id)?.form ?? null} />
      );
    case 'measure':
      return <MeasureFormDrawer {...props} measure={find(household.measures, editing.id)?.form ?? null} />;
  }
}

/** The add button above one of a household's tables, shown to those who may change the household. */
export function AddButton({
  show,
  label,
  onClick,
  testId,
}: {
  show: boolean;
  label: keyof (typeof householdFormWords)['zh-CN'];
  onClick: () => void;
  testId: string;
}) {
  const words = useWords(householdFormWords);
  if (!show) return null;
  return (
    <Button type="dashed" onClick={onClick} data-testid={testId} style={{ marginBottom: 8 }}>
      + {words[label]}
    </Button>
  );
}
