import { useCountyToday, useWords } from '@gongjian/ui';
import { Button } from 'antd';
import { fundsListWords } from '../list-words.ts';

/** The Excel export of a funds list with the list's filters (GET /funds/export/<list>). */
export function ExportButton({
  list,
  filters,
}: {
  list: 'sources' | 'reconciliation' | 'projects' | 'allocations' | 'disbursements' | 'notices' | 'findings';
  filters: Record<string, string | number | null | undefined>;
}) {
  const words = useWords(fundsListWords);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  const query = params.toString();
  return (
    <Button href={`/funds/export/${list}${query ? `?${query}` : ''}`} download data-testid={`export-${list}`}>
      {words.exportExcel}
    </Button>
  );
}

/** The plan years a funds list filters by: from the article's first year to next year, newest first. */
export function usePlanYears() {
  const next = Number(useCountyToday().slice(0, 4)) + 1;
  return Array.from({ length: next - 2014 + 1 }, (_, i) => next - i).map((year) => ({
    value: year,
    label: String(year),
  }));
}
