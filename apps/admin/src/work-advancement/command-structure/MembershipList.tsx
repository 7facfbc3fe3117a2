import { fill, useWords } from '@gongjian/ui';
import { Button, List, Popconfirm, Tag } from 'antd';
import type { ReactNode } from 'react';
import { editWords } from '../edit-words.ts';

interface Membership {
  id: string;
  version: number;
  name: string;
  post: string;
  endedOn: string | null;
}

/**
 * The members of a combat group or of the command post: a serving one has an end button (with a confirm),
 * one who left shows the day; `words` says 离组 or 离任.
 */
export function MembershipList<M extends Membership>({
  memberships,
  testId,
  words,
  ending,
  tagOf,
  onEnd,
}: {
  memberships: readonly M[];
  testId: string;
  words: { end: string; confirm: string; endedOn: string };
  ending: boolean;
  /** A tag before the action (the role, say). */
  tagOf?: (member: M) => ReactNode;
  onEnd: (member: M) => void;
}) {
  const common = useWords(editWords);
  return (
    <List
      size="small"
      data-testid={testId}
      locale={{ emptyText: common.noMembers }}
      dataSource={[...memberships]}
      renderItem={(m) => (
        <List.Item
          actions={[
            tagOf?.(m),
            m.endedOn === null ? (
              <Popconfirm
                key="end"
                title={words.confirm}
                okText={common.ok}
                cancelText={common.cancel}
                onConfirm={() => onEnd(m)}
              >
                <Button type="link" size="small" danger loading={ending} data-testid="end-membership">
                  {words.end}
                </Button>
              </Popconfirm>
            ) : (
              <Tag key="left">{fill(words.endedOn, { date: m.endedOn })}</Tag>
            ),
          ]}
        >
          <span data-testid={m.endedOn === null ? 'current-member' : 'past-member'}>
            {m.name} · {m.post}
          </span>
        </List.Item>
      )}
    />
  );
}
