import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { Select } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';

export const UnitSelect_unit = graphql(`
  fragment UnitSelect_unit on Unit {
    id
    name
    region {
      name
    }
  }
`);

const UnitOptionsQuery = graphql.persisted(
  'admin/AdminUnitOptions',
  graphql(
    `
    query AdminUnitOptions($search: String) {
      units(search: $search, first: 20) {
        edges {
          node {
            ...UnitSelect_unit
          }
        }
      }
    }
  `,
    [UnitSelect_unit],
  ),
);

function optionOf(unit: FragmentOf<typeof UnitSelect_unit>) {
  const fields = readFragment(UnitSelect_unit, unit);
  return { value: fields.id, label: `${fields.name}（${fields.region.name}）` };
}

export interface UnitSelectProps {
  value?: string | null;
  onChange?: (unitId: string | null) => void;
  /** The unit already chosen, so its name shows before any search. */
  selectedUnit?: FragmentOf<typeof UnitSelect_unit> | null;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

/** Picks one unit of the viewer's jurisdiction, searching by name on the server. */
export function UnitSelect({
  value,
  onChange,
  selectedUnit,
  placeholder,
  allowClear,
  style,
  id,
}: UnitSelectProps) {
  const [search, setSearch] = useState('');
  const [{ data, fetching }] = useQuery({ query: UnitOptionsQuery, variables: { search: search || null } });
  const options = (data?.units.edges ?? []).map((edge) => optionOf(edge.node));
  if (selectedUnit) {
    const selected = optionOf(selectedUnit);
    if (!options.some((option) => option.value === selected.value)) options.unshift(selected);
  }
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear={allowClear}
      value={value ?? undefined}
      onChange={(unitId) => onChange?.(unitId ?? null)}
      options={options}
      loading={fetching}
      placeholder={placeholder}
      style={style}
    />
  );
}
