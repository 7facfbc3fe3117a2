import { graphql } from '@gongjian/schema';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';

const PersonOptionsQuery = graphql.persisted(
  'admin/AdminPersonOptions',
  graphql(`
  query AdminPersonOptions($unitId: ID!) {
    cadres(unitId: $unitId, first: 100) {
      edges {
        node {
          id
          name
          post
        }
      }
    }
  }
`),
);

export interface PersonSelectProps {
  unitId: string | null | undefined;
  value?: string | null;
  onChange?: (cadreId: string | null) => void;
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
}

/** The cadres of one unit, for choosing a responsible person. */
export function PersonSelect({ unitId, value, onChange, placeholder, id, style }: PersonSelectProps) {
  const [{ data, fetching }] = useQuery({
    query: PersonOptionsQuery,
    variables: { unitId: unitId ?? '' },
    pause: !unitId,
  });
  const options = (data?.cadres.edges ?? []).map((edge) => ({
    value: edge.node.id,
    label: `${edge.node.name}（${edge.node.post}）`,
  }));
  return (
    <Select
      id={id}
      disabled={!unitId}
      value={value ?? undefined}
      onChange={(cadreId) => onChange?.(cadreId ?? null)}
      options={options}
      loading={fetching}
      placeholder={placeholder}
      style={style}
    />
  );
}

const UnitsInRegionQuery = graphql.persisted(
  'admin/AdminUnitsInRegion',
  graphql(`
  query AdminUnitsInRegion($regionId: ID, $search: String) {
    units(regionId: $regionId, search: $search, first: 50) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`),
);

export interface UnitInRegionSelectProps {
  regionId: string | null | undefined;
  value?: string | null;
  onChange?: (unitId: string | null) => void;
  id?: string;
  style?: React.CSSProperties;
}

/** Units of a region and below (e.g. a township's work station, government and village committees). */
export function UnitInRegionSelect({ regionId, value, onChange, id, style }: UnitInRegionSelectProps) {
  const [search, setSearch] = useState('');
  const [{ data, fetching }] = useQuery({
    query: UnitsInRegionQuery,
    variables: { regionId: regionId ?? null, search: search || null },
  });
  const options = (data?.units.edges ?? []).map((edge) => ({ value: edge.node.id, label: edge.node.name }));
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(unitId) => onChange?.(unitId ?? null)}
      options={options}
      loading={fetching}
      style={style}
    />
  );
}

const VillageOptionsQuery = graphql.persisted(
  'admin/AdminVillageOptions',
  graphql(`
  query AdminVillageOptions($search: String) {
    villages(search: $search, first: 30) {
      edges {
        node {
          id
          name
          parent {
            id
            name
          }
        }
      }
    }
  }
`),
);

export interface VillageSelectProps {
  value?: string | null;
  onChange?: (villageId: string | null) => void;
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
}

/** One village of the viewer's jurisdiction, searched by name or code on the server; a single village is chosen for them. */
export function VillageSelect({ value, onChange, placeholder, id, style }: VillageSelectProps) {
  const [search, setSearch] = useState('');
  const [{ data, fetching }] = useQuery({
    query: VillageOptionsQuery,
    variables: { search: search || null },
  });
  const villages = data?.villages.edges.map((edge) => edge.node) ?? [];
  const options = villages.map((village) => ({
    value: village.id,
    label: village.parent ? `${village.parent.name} · ${village.name}` : village.name,
  }));
  const only = !search && villages.length === 1 ? villages[0]!.id : null;
  useEffect(() => {
    if (only && !value) onChange?.(only);
  }, [only, value, onChange]);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(villageId) => onChange?.(villageId ?? null)}
      options={options}
      loading={fetching}
      placeholder={placeholder}
      style={style}
    />
  );
}

const CadreOptionsQuery = graphql.persisted(
  'admin/AdminCadreOptions',
  graphql(`
  query AdminCadreOptions($search: String) {
    cadres(search: $search, first: 30) {
      edges {
        node {
          id
          name
          post
          unit {
            id
            name
          }
        }
      }
    }
  }
`),
);

export interface CadreSelectProps {
  value?: string | null;
  onChange?: (cadreId: string | null) => void;
  /** The cadre already chosen, so their name shows before any search. */
  selected?: { id: string; name: string } | null;
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
}

/** One cadre of the viewer's jurisdiction, searched by name or post on the server. */
export function CadreSelect({ value, onChange, selected, placeholder, id, style }: CadreSelectProps) {
  const [search, setSearch] = useState('');
  const [{ data, fetching }] = useQuery({ query: CadreOptionsQuery, variables: { search: search || null } });
  const options = (data?.cadres.edges ?? []).map(({ node }) => ({
    value: node.id,
    label: `${node.name}（${node.unit.name} · ${node.post}）`,
  }));
  if (selected && !options.some((option) => option.value === selected.id))
    options.unshift({ value: selected.id, label: selected.name });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(cadreId) => onChange?.(cadreId ?? null)}
      options={options}
      loading={fetching}
      placeholder={placeholder}
      style={style}
    />
  );
}

const HouseholdOptionsQuery = graphql.persisted(
  'admin/AdminHouseholdOptions',
  graphql(`
    query AdminHouseholdOptions($search: String) {
      households(search: $search, first: 20) {
        edges {
          node {
            id
            householdNumber
            head {
              id
              name
            }
            village {
              id
              name
            }
          }
        }
      }
    }
  `),
);

/** A household of the viewer's jurisdiction, searched on the server by head name, number or ID digits. */
export function HouseholdSelect(props: {
  value?: string;
  onChange?: (id: string) => void;
  id?: string;
  placeholder: string;
}) {
  const [search, setSearch] = useState('');
  const [{ data, fetching }] = useQuery({
    query: HouseholdOptionsQuery,
    variables: { search: search || null },
    pause: search.trim().length === 0,
  });
  const options = (data?.households.edges ?? []).map(({ node }) => ({
    value: node.id,
    label: `${node.head?.name ?? '—'} · ${node.householdNumber} · ${node.village.name}`,
  }));
  return (
    <Select
      {...props}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      loading={fetching}
      notFoundContent={null}
    />
  );
}
