import type { PairingImportResult } from '@gongjian/schema';
import { fill, useWords } from '@gongjian/ui';
import { ExcelImportModal } from '../../shared/ExcelImportModal.tsx';
import { assistanceWords } from '../words.ts';

/** 批量结对: upload the sheet; every bad row comes back with its column and the rule, nothing half-written. */
export function ImportPairingsModal({ onClose }: { onClose: (imported: boolean) => void }) {
  const words = useWords(assistanceWords);
  return (
    <ExcelImportModal<PairingImportResult>
      title={words.importPairings}
      templateHref="/assistance/pairings/import-template"
      uploadUrl="/assistance/pairings/import"
      testId="pairing"
      describe={(result, status) =>
        fill(words.importResult, {
          status,
          rows: result.rows,
          bad: result.badRows,
          written: result.written,
          replaced: result.replaced,
        })
      }
      onClose={onClose}
    />
  );
}
