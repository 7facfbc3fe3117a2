import { graphql } from '@gongjian/schema';
import { Select } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';

const ProjectOptionsQuery = graphql.persisted(
  'admin/AdminProjectOptions',
  graphql(`
  query AdminProjectOptions($search: String) {
    projects(search: $search, first: 30) {
      edges {
        node {
          id
          name
          year
          region {
            name
          }
        }
      }
    }
  }
`),
);

/** A project of the viewer's jurisdiction, found by its name. */
export function ProjectSelect({
  value,
  onChange,
  id,
  placeholder,
}: {
  value?: string | null;
  onChange?: (projectId: string | null) => void;
  id?: string;
  placeholder?: string;
}) {
  const [search, setSearch] = useState('');
  const [{ data, fetching }] = useQuery({
    query: ProjectOptionsQuery,
    variables: { search: search || null },
  });
  const options = (data?.projects.edges ?? []).map(({ node }) => ({
    value: node.id,
    label: `${node.name}（${node.region.name}，${node.year}）`,
  }));
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(projectId) => onChange?.(projectId ?? null)}
      options={options}
      loading={fetching}
      placeholder={placeholder}
    />
  );
}
