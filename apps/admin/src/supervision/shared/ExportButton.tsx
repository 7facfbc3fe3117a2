import { useCountyToday, useWords } from '@gongjian/ui';
import { Button, Select } from 'antd';
import { supervisionListWords } from '../list-words.ts';

export type SupervisionList =
  | 'inspection-findings'
  | 'village-supervisors'
  | 'accountability'
  | 'village-assessments'
  | 'exit-rewards'
  | 'performance';

/** The Excel export of a supervision list with the list's filters (GET /supervision/export/<list>). */
export function ExportButton({
  list,
  filters,
}: {
  list: SupervisionList;
  filters: Record<string, string | number | boolean | null | undefined>;
}) {
  const words = useWords(supervisionListWords);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== null && value !== undefined && value !== '' && value !== false)
      params.set(key, String(value));
  const query = params.toString();
  return (
    <Button
      href={`/supervision/export/${list}${query ? `?${query}` : ''}`}
      download
      data-testid={`export-${list}`}
    >
      {words.exportExcel}
    </Button>
  );
}

/** The year filter of a supervision list: from the article's first year to this year, newest first. */
export function YearFilter({ value, onChange }: { value?: number; onChange: (year?: number) => void }) {
  const words = useWords(supervisionListWords);
  const thisYear = Number(useCountyToday().slice(0, 4));
  const years = Array.from({ length: thisYear - 2014 + 1 }, (_, i) => thisYear - i);
  return (
    <Select
      allowClear
      aria-label={words.year}
      placeholder={words.year}
      style={{ width: 120 }}
      value={value}
      options={years.map((year) => ({ value: year, label: String(year) }))}
      onChange={(year) => onChange(year ?? undefined)}
    />
  );
}
