import type { ProjectImportResult } from '@gongjian/schema';
import { fill, useWords } from '@gongjian/ui';
import { ExcelImportModal } from '../../shared/ExcelImportModal.tsx';
import { projectImportWords } from './import-words.ts';

/** 项目库导入: applications from a sheet, every bad row with its column and reason, nothing half-written. */
export function ImportProjectsModal({ onClose }: { onClose: (imported: boolean) => void }) {
  const words = useWords(projectImportWords);
  return (
    <ExcelImportModal<ProjectImportResult>
      title={words.importProjects}
      templateHref="/funds/projects/import-template"
      uploadUrl="/funds/projects/import"
      hint={words.hint}
      testId="project"
      describe={(result, status) =>
        fill(words.importResult, {
          status,
          rows: result.rows,
          bad: result.badRows,
          written: result.written,
          unchanged: result.unchanged,
        })
      }
      onClose={onClose}
    />
  );
}
