import { graphql } from '@gongjian/schema';
import { useWords } from '@gongjian/ui';
import { Card, Select, Space } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { adminWords } from '../../words.ts';
import { useLevels } from '../levels.ts';
import { taskWords } from '../words.ts';
import { DecomposePanel } from './DecomposePanel.tsx';

const ParentOptionsQuery = graphql.persisted(
  'admin/AdminDecomposeParentOptions',
  graphql(`
  query AdminDecomposeParentOptions($search: String) {
    tasks(search: $search, first: 30) {
      edges {
        node {
          id
          title
          level
          deadline
          recordedStatus
          region {
            name
          }
        }
      }
    }
  }
`),
);

/** 任务分解: pick the parent task, then add its children in one screen. */
export function DecomposePage() {
  const words = useWords(taskWords);
  const pageWords = useWords(adminWords);
  const levels = useLevels();
  const [search, setSearch] = useState('');
  const [parentId, setParentId] = useState<string | null>(null);
  const [{ data, fetching }] = useQuery({ query: ParentOptionsQuery, variables: { search: search || null } });
  const options = (data?.tasks.edges ?? [])
    .map((edge) => edge.node)
    .filter((task) => task.recordedStatus !== 'DONE' && levels.below(task.level) !== null)
    .map((task) => ({
      value: task.id,
      label: `${task.title}（${levels.label(task.level)} · ${task.region.name} · ${task.deadline}）`,
    }));
  return (
    <Card title={pageWords.pageDecompose}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Select
          id="decompose-parent"
          showSearch={{ filterOption: false, onSearch: setSearch }}
          placeholder={words.pickParent}
          style={{ width: '100%' }}
          loading={fetching}
          value={parentId ?? undefined}
          onChange={setParentId}
          options={options}
        />
        {parentId && <DecomposePanel key={parentId} parentId={parentId} onDone={() => setParentId(null)} />}
      </Space>
    </Card>
  );
}
