import type { EnumValue } from '@gongjian/schema';
import { enumOptions, type LabelledEnum, RegionPicker, useLocale } from '@gongjian/ui';
import { Input, Select } from 'antd';
import { isValidElement, type ReactElement } from 'react';
import { useViewer } from './viewer.tsx';

type Param<Search> = keyof Search & string;

/**
 * A list filter as data, kept in the URL search parameter it names: a text search, a choice among an
 * enum's values, or a region under the viewer's jurisdiction. Anything else is given as an element (with a key).
 */
export type ListFilter<Search> =
  | { search: Param<Search>; placeholder: string; width: number }
  | { choose: LabelledEnum; param: Param<Search>; placeholder: string; width: number }
  | { region: Param<Search>; id?: string }
  | ReactElement;

/** The filters of a list's toolbar; changing one sets its parameter (and the list goes back to page one). */
export function FilterBar<Search>({
  filters,
  url,
  change,
}: {
  filters: readonly ListFilter<Search>[];
  url: Search;
  change: (next: Partial<Search>) => void;
}) {
  const set = (param: Param<Search>, value: unknown) => change({ [param]: value } as Partial<Search>);
  return filters.map((filter, index) => {
    const key = String(index);
    if (isValidElement(filter)) return filter;
    if ('search' in filter)
      return (
        <SearchFilter
          key={key}
          placeholder={filter.placeholder}
          width={filter.width}
          initial={url[filter.search] as string | undefined}
          onSearch={(value) => set(filter.search, value)}
        />
      );
    if ('choose' in filter)
      return (
        <EnumFilter
          key={key}
          name={filter.choose}
          placeholder={filter.placeholder}
          width={filter.width}
          value={(url[filter.param] as string | undefined) ?? null}
          onChange={(value) => set(filter.param, value)}
        />
      );
    return (
      <RegionFilter
        key={key}
        id={filter.id}
        value={(url[filter.region] as string[] | undefined) ?? []}
        onChange={(path) => set(filter.region, path)}
      />
    );
  });
}

/** The search box of a list's toolbar; an empty search clears the filter. */
function SearchFilter({
  placeholder,
  width,
  initial,
  onSearch,
}: {
  placeholder: string;
  width: number;
  initial: string | undefined;
  onSearch: (search: string | undefined) => void;
}) {
  return (
    <Input.Search
      allowClear
      placeholder={placeholder}
      style={{ width }}
      defaultValue={initial}
      onSearch={(value) => onSearch(value.trim() || undefined)}
    />
  );
}

/** A clearable choice among an enum's values; clearing it removes the filter. */
function EnumFilter<Name extends LabelledEnum>({
  name,
  placeholder,
  width,
  value,
  onChange,
}: {
  name: Name;
  placeholder: string;
  width: number;
  value: EnumValue<Name> | string | null;
  onChange: (value: EnumValue<Name> | undefined) => void;
}) {
  const { locale } = useLocale();
  return (
    <Select<EnumValue<Name> | string | null>
      allowClear
      placeholder={placeholder}
      style={{ width }}
      value={value}
      onChange={(next) => onChange((next as EnumValue<Name> | null) ?? undefined)}
      options={enumOptions(name, locale)}
    />
  );
}

/** A region filter under the viewer's jurisdiction; choosing no region removes the filter. */
function RegionFilter({
  id,
  value,
  onChange,
}: {
  id?: string;
  value: string[];
  onChange: (path: string[] | undefined) => void;
}) {
  return (
    <RegionPicker
      id={id}
      root={useViewer().jurisdiction}
      value={value}
      onChange={(path) => onChange(path.length > 0 ? path : undefined)}
    />
  );
}

/** The region a region filter's path chose (its last entry), or null for none. */
export const regionIdOf = (path: readonly string[] | undefined) => path?.[path.length - 1] ?? null;
