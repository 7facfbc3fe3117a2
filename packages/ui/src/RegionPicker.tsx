import { type EnumValue, type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { Cascader } from 'antd';
import { type CSSProperties, useCallback, useEffect, useMemo, useState } from 'react';
import { useClient } from 'urql';
import { useWords } from './i18n.tsx';
import { commonWords } from './words.ts';

type RegionLevel = EnumValue<'RegionLevel'>;

export const RegionPicker_region = graphql(`
  fragment RegionPicker_region on Region {
    id
    name
    level
  }
`);

/** Enough ancestry to place a township-, village- or county-level region in the picker. */
export const RegionPicker_path = graphql(`
  fragment RegionPicker_path on Region {
    id
    level
    parent {
      id
      level
      parent {
        id
        level
      }
    }
  }
`);

const TownshipsQuery = graphql.persisted(
  'ui/RegionPickerTownships',
  graphql(
    `
    query RegionPickerTownships {
      regions(level: TOWNSHIP, first: 100) {
        edges {
          node {
            ...RegionPicker_region
          }
        }
      }
    }
  `,
    [RegionPicker_region],
  ),
);

const ChildrenQuery = graphql.persisted(
  'ui/RegionPickerChildren',
  graphql(
    `
    query RegionPickerChildren($parentId: ID!) {
      regions(parentId: $parentId, first: 100) {
        edges {
          node {
            ...RegionPicker_region
          }
        }
      }
    }
  `,
    [RegionPicker_region],
  ),
);

type PickedRegion = FragmentOf<typeof RegionPicker_region>;
type Region = ReturnType<typeof readRegion>;

function readRegion(region: PickedRegion) {
  return readFragment(RegionPicker_region, region);
}

interface RegionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: RegionOption[];
}

const levelsBelowTownship: RegionLevel[] = ['VILLAGE', 'GROUP'];
const townshipAndBelow: RegionLevel[] = ['TOWNSHIP', ...levelsBelowTownship];

function isAboveTownship(level: RegionLevel) {
  return !townshipAndBelow.includes(level);
}

/**
 * The picker's path (region ids, outermost first) that leads to `region`, given the viewer's jurisdiction `root`.
 * With `includeRoot`, a county-level root is the first column, so the county itself can be chosen.
 */
export function regionPickerPath(
  rootRegion: PickedRegion,
  pathRegion: FragmentOf<typeof RegionPicker_path>,
  includeRoot = false,
): string[] {
  const root = readRegion(rootRegion);
  const region = readFragment(RegionPicker_path, pathRegion);
  const chain = [region.parent?.parent, region.parent, region].filter((link) => link != null);
  if (!isAboveTownship(root.level)) {
    const start = chain.findIndex((link) => link.id === root.id);
    return start < 0 ? [] : chain.slice(start).map((link) => link.id);
  }
  const inside = chain.filter((link) => townshipAndBelow.includes(link.level)).map((link) => link.id);
  return includeRoot ? [root.id, ...inside] : inside;
}

export interface RegionPickerProps {
  /** The viewer's jurisdiction: nothing outside it is ever offered. */
  root: PickedRegion;
  value?: string[];
  onChange?: (path: string[]) => void;
  /** Offer the county (or city) of a county-level jurisdiction as the first column. */
  includeRoot?: boolean;
  /** Stop at this level (the township column's options are leaves when `TOWNSHIP`). */
  deepest?: 'TOWNSHIP' | 'VILLAGE';
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
}

export function RegionPicker({
  root: rootRegion,
  value,
  onChange,
  includeRoot = false,
  deepest = 'VILLAGE',
  placeholder,
  style,
  id,
}: RegionPickerProps) {
  const words = useWords(commonWords);
  const client = useClient();
  const root = readRegion(rootRegion);
  const [childrenOf, setChildrenOf] = useState<ReadonlyMap<string, Region[]>>(new Map());
  const topKey = `top:${root.id}`;

  const isLeaf = useCallback(
    (region: Region) =>
      levelsBelowTownship.includes(region.level) || (deepest === 'TOWNSHIP' && region.level === 'TOWNSHIP'),
    [deepest],
  );

  const loadChildren = useCallback(
    async (key: string) => {
      if (childrenOf.has(key)) return;
      const result =
        key === topKey
          ? await client.query(TownshipsQuery, {}).toPromise()
          : await client.query(ChildrenQuery, { parentId: key }).toPromise();
      const edges = result.data?.regions.edges ?? [];
      const regions = edges.map((edge) => readRegion(edge.node));
      setChildrenOf((known) => new Map(known).set(key, regions));
    },
    [client, childrenOf, topKey],
  );

  const options = useMemo(() => {
    const toOption = (region: Region): RegionOption => {
      const leaf = isLeaf(region);
      const children = leaf ? undefined : childrenOf.get(region.id);
      return { value: region.id, label: region.name, isLeaf: leaf, children: children?.map(toOption) };
    };
    if (!isAboveTownship(root.level)) return [toOption(root)];
    const townships = (childrenOf.get(topKey) ?? []).map(toOption);
    if (!includeRoot) return townships;
    return [
      {
        value: root.id,
        label: root.name,
        isLeaf: false,
        children: childrenOf.has(topKey) ? townships : undefined,
      },
    ];
  }, [childrenOf, root, includeRoot, isLeaf, topKey]);

  // Townships are needed at once when they form the first column; a preset value needs each column on its path.
  useEffect(() => {
    if (isAboveTownship(root.level) && !includeRoot) void loadChildren(topKey);
    for (const regionId of value?.slice(0, -1) ?? []) {
      void loadChildren(regionId === root.id && isAboveTownship(root.level) ? topKey : regionId);
    }
  }, [value, root.id, root.level, includeRoot, loadChildren, topKey]);

  return (
    <Cascader<RegionOption>
      id={id}
      options={options}
      value={value}
      changeOnSelect
      allowClear
      placeholder={placeholder ?? words.regionPlaceholder}
      style={{ minWidth: 240, ...style }}
      loadData={(selected) => {
        const last = selected[selected.length - 1];
        if (last)
          void loadChildren(last.value === root.id && isAboveTownship(root.level) ? topKey : last.value);
      }}
      onChange={(path) => onChange?.((path ?? []).map(String))}
    />
  );
}
