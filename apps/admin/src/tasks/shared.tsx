import { graphql } from '@gongjian/schema';
import { enumLabel, fill, type Locale, useLocale } from '@gongjian/ui';
import { Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { ruleLabels } from './labels.ts';
import { taskWords } from './words.ts';

const LevelsQuery = graphql.persisted(
  'admin/AdminResponsibilityLevels',
  graphql(`
  query AdminResponsibilityLevels {
    responsibilityLevels {
      id
      labelZh
      labelEn
      index
    }
  }
`),
);

/** The county's responsibility levels, top first, with their label in the current locale. */
export function useLevels() {
  const { locale } = useLocale();
  const [{ data }] = useQuery({ query: LevelsQuery });
  return useMemo(() => {
    const levels = data?.responsibilityLevels ?? [];
    const label = (id: string) => {
      const level = levels.find((l) => l.id === id);
      return level ? (locale === 'en' ? level.labelEn : level.labelZh) : id;
    };
    const below = (id: string) => levels[levels.findIndex((l) => l.id === id) + 1]?.id ?? null;
    return { levels, label, below, options: levels.map((l) => ({ value: l.id, label: label(l.id) })) };
  }, [data, locale]);
}

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

/** A calendar day as YYYY-MM-DD (the browser's date input; no date library needed). */
export function DateInput(props: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  style?: React.CSSProperties;
  max?: string;
}) {
  return (
    <Input
      type="date"
      id={props.id}
      max={props.max}
      style={props.style}
      value={props.value ?? ''}
      onChange={(event) => props.onChange?.(event.target.value)}
    />
  );
}

export interface FailedOutcome {
  code: string;
  ruleId?: string;
  currentVersion?: number | null;
  fieldErrors?: ReadonlyArray<{ path: ReadonlyArray<string>; message: string }>;
}

/** A failed mutation in words: the error code in Chinese (or English), the rule broken, the fields named. */
export function describeFailure(outcome: FailedOutcome, locale: Locale): string {
  const words = taskWords[locale];
  if (outcome.code === 'CONFLICT') return fill(words.conflict, { version: outcome.currentVersion ?? '?' });
  const parts = [enumLabel('ErrorCode', outcome.code, locale)];
  if (outcome.ruleId)
    parts.push(fill(words.ruleViolation, { rule: ruleLabels[locale][outcome.ruleId] ?? outcome.ruleId }));
  for (const error of outcome.fieldErrors ?? []) parts.push(`${error.path.join('.')}: ${error.message}`);
  return parts.join('；');
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
