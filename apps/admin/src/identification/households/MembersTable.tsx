import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { EmptyState, enumLabel, fill, useLocale, useWords } from '@gongjian/ui';
import { Button, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { MutationFailure_error } from '../../shared/failure.ts';
import { RevealWithReasonModal, useRevealWithReason } from '../../shared/RevealWithReasonModal.tsx';
import { householdFormWords } from './formWords.ts';
import { householdWords } from './words.ts';

export const MembersTable_member = graphql(`
  fragment MembersTable_member on HouseholdMember {
    id
    name
    idNumber
    relation
    sex
    age
    education
    health
    disability
    labourCapacity
    schoolEnrolment
    medicalInsured
  }
`);

const RevealIdNumberMutation = graphql.persisted(
  'admin/AdminRevealMemberIdNumber',
  graphql(
    `
    mutation AdminRevealMemberIdNumber($input: RevealPersonalDataInput!) {
      revealMemberIdNumber(input: $input) {
        __typename
        ... on MutationRevealMemberIdNumberSuccess {
          data
        }
        ...MutationFailure_error
      }
    }
  `,
    [MutationFailure_error],
  ),
);

type MemberRow = ReturnType<typeof readMember>;

function readMember(member: FragmentOf<typeof MembersTable_member>) {
  return readFragment(MembersTable_member, member);
}

/** Asks why the full ID number is needed; the server logs each look with its reason. */
function RevealIdNumberModal({
  member,
  onRevealed,
  onClose,
}: {
  member: MemberRow;
  onRevealed: (idNumber: string) => void;
  onClose: () => void;
}) {
  const words = useWords(householdWords);
  const reveal = useRevealWithReason({
    mutation: RevealIdNumberMutation,
    variablesOf: (reason) => ({ input: { id: member.id, reason } }),
    outcomeOf: (data) => data?.revealMemberIdNumber,
    onRevealed,
    onClose,
  });
  return (
    <RevealWithReasonModal
      title={fill(words.revealIdTitle, { name: member.name })}
      words={words}
      {...reveal}
    />
  );
}

export interface MembersTableProps {
  members: ReadonlyArray<FragmentOf<typeof MembersTable_member>>;
  mayUnmask: boolean;
  /** Given to those who may change the household: each member can be edited, and each but the head removed. */
  onEdit?: (id: string) => void;
  onRemove?: (id: string) => void;
}

/** The household's members; health and disability are empty for roles that may not see them. */
export function MembersTable({ members, mayUnmask, onEdit, onRemove }: MembersTableProps) {
  const words = useWords(householdWords);
  const formWords = useWords(householdFormWords);
  const { locale } = useLocale();
  const [revealing, setRevealing] = useState<MemberRow | null>(null);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const hidden = <Typography.Text type="secondary">{words.hiddenSensitive}</Typography.Text>;
  const columns: TableColumnsType<MemberRow> = [
    { title: words.columnName, dataIndex: 'name', key: 'name', width: 90 },
    {
      title: words.columnRelation,
      key: 'relation',
      width: 90,
      render: (_, m) => enumLabel('RelationToHead', m.relation, locale),
    },
    {
      title: words.columnSexAge,
      key: 'sexAge',
      width: 90,
      render: (_, m) => `${enumLabel('Sex', m.sex, locale)} · ${fill(words.ageYears, { age: m.age })}`,
    },
    {
      title: words.columnIdNumber,
      key: 'idNumber',
      width: 260,
      render: (_, m) => (
        <Space size={4}>
          <Typography.Text code data-testid="member-id-number">
            {revealed[m.id] ?? m.idNumber}
          </Typography.Text>
          {mayUnmask && !revealed[m.id] && (
            <Button type="link" size="small" onClick={() => setRevealing(m)}>
              {words.revealId}
            </Button>
          )}
        </Space>
      ),
    },
    {
      title: words.columnEducation,
      key: 'education',
      render: (_, m) => enumLabel('EducationLevel', m.education, locale),
    },
    {
      title: words.columnHealth,
      key: 'health',
      render: (_, m) =>
        m.health
          ? `${enumLabel('HealthCondition', m.health, locale)}${
              m.disability && m.disability !== 'NONE'
                ? ` · ${enumLabel('DisabilityGrade', m.disability, locale)}`
                : ''
            }`
          : hidden,
    },
    {
      title: words.columnLabour,
      key: 'labour',
      render: (_, m) => enumLabel('LabourCapacity', m.labourCapacity, locale),
    },
    {
      title: words.columnSchool,
      key: 'school',
      render: (_, m) => enumLabel('SchoolEnrolment', m.schoolEnrolment, locale),
    },
    {
      title: words.columnInsured,
      key: 'insured',
      width: 80,
      render: (_, m) => (m.medicalInsured ? words.yes : words.no),
    },
  ];
  if (onEdit && onRemove)
    columns.push({
      key: 'actions',
      width: 110,
      render: (_, m) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit(m.id)} data-testid="edit-member">
            {formWords.edit}
          </Button>
          {m.relation !== 'HEAD' && (
            <Button type="link" size="small" danger onClick={() => onRemove(m.id)}>
              {formWords.removeMember}
            </Button>
          )}
        </Space>
      ),
    });
  return (
    <>
      <Table<MemberRow>
        data-testid="members-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={members.map(readMember)}
        pagination={false}
        locale={{ emptyText: <EmptyState description={words.noMembers} /> }}
      />
      {revealing && (
        <RevealIdNumberModal
          member={revealing}
          onRevealed={(idNumber) => setRevealed((known) => ({ ...known, [revealing.id]: idNumber }))}
          onClose={() => setRevealing(null)}
        />
      )}
    </>
  );
}
