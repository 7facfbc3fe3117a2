import { graphql } from '@gongjian/schema';
import { useLocale } from '@gongjian/ui';
import { useMemo } from 'react';
import { useQuery } from 'urql';

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
