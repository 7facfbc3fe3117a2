import { useWords } from '@gongjian/ui';
import { Select } from 'antd';
import { fundsWords } from '../words.ts';
import { usePlanYears } from './ExportButton.tsx';

/** The plan-year filter of a funds list; clearing it shows every year. */
export function YearFilter({ value, onChange }: { value?: number; onChange: (year?: number) => void }) {
  const words = useWords(fundsWords);
  const years = usePlanYears();
  return (
    <Select
      allowClear
      aria-label={words.filterYear}
      placeholder={words.filterYear}
      style={{ width: 140 }}
      value={value}
      options={years}
      onChange={(year) => onChange(year ?? undefined)}
    />
  );
}
