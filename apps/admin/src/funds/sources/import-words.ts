import { defineDictionaries } from '@gongjian/ui';

/** Words of the fund source import (资金来源导入). */
export const sourceImportWords = defineDictionaries(
  {
    importSources: '导入资金来源',
    importResult: '{status}：共 {rows} 行，有误 {bad} 行，写入 {written} 条',
    hint: '整表无误才写入（或勾选只导入无误的行）；同一类别、名称和年度的资金来源只登记一次，导出的资金来源表可直接再导入核对。',
  },
  {
    importSources: 'Import fund sources',
    importResult: '{status}: {rows} rows, {bad} with errors, {written} written',
    hint: 'Nothing is written unless the whole sheet is clean (or tick clean rows only); a source of one category, name and years is registered once, and an exported sources sheet imports back for checking.',
  },
);
