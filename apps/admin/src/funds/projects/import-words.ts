import { defineDictionaries } from '@gongjian/ui';

/** Words of the project library import (项目库导入). */
export const projectImportWords = defineDictionaries(
  {
    importProjects: '导入项目',
    downloadTemplate: '下载导入模板',
    chooseFile: '选择 Excel 文件',
    dryRun: '仅校验，不写入',
    cleanOnly: '只导入无误的行',
    runImport: '开始导入',
    running: '正在上传并校验…',
    importResult:
      '{status}：共 {rows} 行，有误 {bad} 行，新入库申报 {written} 个，已在项目库中 {unchanged} 个',
    statusIMPORTED: '已导入',
    statusREJECTED: '未导入',
    statusVALIDATED: '校验完成',
    columnRow: '行',
    columnColumn: '列',
    columnReason: '原因',
    hint: '导入的项目处于“申报”环节，按与逐个申报相同的规则校验；同一年度、村和名称的项目只登记一次，重复导入不会改变项目库。',
  },
  {
    importProjects: 'Import projects',
    downloadTemplate: 'Download the template',
    chooseFile: 'Choose an Excel file',
    dryRun: 'Validate only',
    cleanOnly: 'Import the clean rows only',
    runImport: 'Import',
    running: 'Uploading and checking…',
    importResult:
      '{status}: {rows} rows, {bad} with errors, {written} new applications, {unchanged} already in the library',
    statusIMPORTED: 'Imported',
    statusREJECTED: 'Not imported',
    statusVALIDATED: 'Validated',
    columnRow: 'Row',
    columnColumn: 'Column',
    columnReason: 'Reason',
    hint: 'Imported projects enter at the application, checked by the same rules as one application; a project of one year, village and name is registered once, so importing a file again changes nothing.',
  },
);
