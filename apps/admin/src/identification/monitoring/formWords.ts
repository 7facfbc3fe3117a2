import { defineDictionaries } from '@gongjian/ui';

/** The words of the monitoring forms: identifying a monitoring object and choosing its responsible cadre. */
export const monitoringFormWords = defineDictionaries(
  {
    startMonitoring: '识别监测对象',
    fieldHousehold: '农户',
    householdPlaceholder: '输入户主姓名或户编号搜索',
    fieldYear: '研判年度',
    yearHint: '规则用该年度的收入记录判断类型：须先登记该年度收入',
    fieldRiskKinds: '风险类型',
    fieldRiskNote: '风险情况',
    fieldSpendingSurge: '刚性支出骤增',
    fieldIncomeDrop: '收入大幅缩减',
    fieldCadre: '帮扶责任人',
    cadrePlaceholder: '输入姓名或职务搜索',
    fieldClueOn: '发现日期',
    startHint:
      '提交后由规则判断监测类型（脱贫不稳定户、边缘易致贫户或突发严重困难户），并记录“风险线索”一步。',
    assignCadre: '更换帮扶责任人',
    assignCadreTitle: '{household} 的帮扶责任人',
    addMeasure: '新增帮扶措施',
    editMeasure: '修改',
  },
  {
    startMonitoring: 'Identify a monitoring object',
    fieldHousehold: 'Household',
    householdPlaceholder: 'Type a head name or household number',
    fieldYear: 'Year judged',
    yearHint: 'The rules judge the type from that year’s income record: record it first',
    fieldRiskKinds: 'Risks',
    fieldRiskNote: 'What happened',
    fieldSpendingSurge: 'Rigid spending surged',
    fieldIncomeDrop: 'Income dropped sharply',
    fieldCadre: 'Responsible cadre',
    cadrePlaceholder: 'Type a name or post',
    fieldClueOn: 'Found on',
    startHint:
      'The rules then decide the type (unstable exited, edge-prone or sudden hardship) and the first step, the risk clue, is recorded.',
    assignCadre: 'Change responsible cadre',
    assignCadreTitle: 'Responsible cadre of {household}',
    addMeasure: 'Add a measure',
    editMeasure: 'Edit',
  },
);
