import { useWords } from '@gongjian/ui';
import { Button } from 'antd';
import { editWords } from './edit-words.ts';

/** The Excel export of a register with the list's filters (GET /export/<list>, audited by the API). */
export function RegisterExportButton({
  list,
  filters,
}: {
  list: 'units' | 'cadres' | 'tasks' | 'meetings';
  filters: Record<string, string | number | boolean | null | undefined>;
}) {
  const words = useWords(editWords);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== null && value !== undefined && value !== '' && value !== false)
      params.set(key, String(value));
  const query = params.toString();
  return (
    <Button href={`/export/${list}${query ? `?${query}` : ''}`} download data-testid={`export-${list}`}>
      {words.exportExcel}
    </Button>
  );
}
