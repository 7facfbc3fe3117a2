import { defineDictionaries } from '@gongjian/ui';

/** Words of the project library import (项目库导入). */
export const projectImportWords = defineDictionaries(
  {
    importProjects: '导入项目',
    importResult:
      '{status}：共 {rows} 行，有误 {bad} 行，新入库申报 {written} 个，已在项目库中 {unchanged} 个',
    hint: '导入的项目处于“申报”环节，按与逐个申报相同的规则校验；同一年度、村和名称的项目只登记一次，重复导入不会改变项目库。',
  },
  {
    importProjects: 'Import projects',
    importResult:
      '{status}: {rows} rows, {bad} with errors, {written} new applications, {unchanged} already in the library',
    hint: 'Imported projects enter at the application, checked by the same rules as one application; a project of one year, village and name is registered once, so importing a file again changes nothing.',
  },
);
