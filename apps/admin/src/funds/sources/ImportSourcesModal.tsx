import type { FundSourceImportResult } from '@gongjian/schema';
import { fill, useWords } from '@gongjian/ui';
import { ExcelImportModal } from '../../shared/ExcelImportModal.tsx';
import { sourceImportWords } from './import-words.ts';

/** 资金来源导入: upload the sheet; every bad row comes back with its column and reason, nothing half-written. */
export function ImportSourcesModal({ onClose }: { onClose: (imported: boolean) => void }) {
  const words = useWords(sourceImportWords);
  return (
    <ExcelImportModal<FundSourceImportResult>
      title={words.importSources}
      templateHref="/funds/sources/import-template"
      uploadUrl="/funds/sources/import"
      hint={words.hint}
      testId="source"
      describe={(result, status) =>
        fill(words.importResult, {
          status,
          rows: result.rows,
          bad: result.badRows,
          written: result.written,
        })
      }
      onClose={onClose}
    />
  );
}
