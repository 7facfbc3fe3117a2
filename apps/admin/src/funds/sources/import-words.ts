import { defineDictionaries } from '@gongjian/ui';

/** Words of the fund source import (资金来源导入). */
export const sourceImportWords = defineDictionaries(
  {
    importSources: '导入资金来源',
    downloadTemplate: '下载导入模板',
    chooseFile: '选择 Excel 文件',
    dryRun: '仅校验，不写入',
    cleanOnly: '只导入无误的行',
    runImport: '开始导入',
    running: '正在上传并校验…',
    importResult: '{status}：共 {rows} 行，有误 {bad} 行，写入 {written} 条',
    statusIMPORTED: '已导入',
    statusREJECTED: '未导入',
    statusVALIDATED: '校验完成',
    columnRow: '行',
    columnColumn: '列',
    columnReason: '原因',
    hint: '整表无误才写入（或勾选只导入无误的行）；同一类别、名称和年度的资金来源只登记一次，导出的资金来源表可直接再导入核对。',
  },
  {
    importSources: 'Import fund sources',
    downloadTemplate: 'Download the template',
    chooseFile: 'Choose an Excel file',
    dryRun: 'Validate only',
    cleanOnly: 'Import the clean rows only',
    runImport: 'Import',
    running: 'Uploading and checking…',
    importResult: '{status}: {rows} rows, {bad} with errors, {written} written',
    statusIMPORTED: 'Imported',
    statusREJECTED: 'Not imported',
    statusVALIDATED: 'Validated',
    columnRow: 'Row',
    columnColumn: 'Column',
    columnReason: 'Reason',
    hint: 'Nothing is written unless the whole sheet is clean (or tick clean rows only); a source of one category, name and years is registered once, and an exported sources sheet imports back for checking.',
  },
);
