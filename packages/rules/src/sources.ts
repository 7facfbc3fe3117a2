import type { EvidenceGrade } from './enums';

/**
 * The documents rules and parameters cite (POLICY.md section 0), plus the few non-documents a rule can
 * rest on: the seed article, the statistical line tables, local examples and project choices.
 */
export const SOURCE_DOCUMENTS = {
  EXIT_2016: { titleZh: '中办国办《关于建立贫困退出机制的意见》', number: '厅字〔2016〕16号' },
  HN_EXIT_2016: { titleZh: '湖南《关于建立贫困退出机制的实施意见(试行)》', number: '湘办〔2016〕31号' },
  COUNTY_EVAL_2017: {
    titleZh: '国务院扶贫办《贫困县退出专项评估检查实施办法(试行)》',
    number: '国开办发〔2017〕56号',
  },
  HN_EXIT_2018: { titleZh: '《2018年湖南省贫困退出验收实施方案》', number: '湘扶领办发〔2018〕15号' },
  TEAM_2017: { titleZh: '中办国办《关于加强贫困村驻村工作队选派管理工作的指导意见》', number: '2017-12' },
  INTEGRATE_2016: {
    titleZh: '国办《关于支持贫困县开展统筹整合使用财政涉农资金试点的意见》',
    number: '国办发〔2016〕22号',
  },
  PROJLIB_2018: {
    titleZh: '国务院扶贫办《关于完善县级脱贫攻坚项目库建设的指导意见》',
    number: '国开办发〔2018〕10号',
  },
  DISCLOSE_2018: {
    titleZh: '《关于完善扶贫资金项目公告公示制度的指导意见》',
    number: '国开办发〔2018〕11号',
  },
  MONITOR_2020: { titleZh: '《关于建立防止返贫监测和帮扶机制的指导意见》', number: '2020-03-20' },
  MONITOR_2021: {
    titleZh: '《关于健全防止返贫动态监测和帮扶机制的指导意见》',
    number: '中农组发〔2021〕7号',
  },
  ASSET_2021: { titleZh: '《关于加强扶贫项目资产后续管理指导意见》', number: '国办函〔2021〕51号' },
  INTEGRATE_2021: {
    titleZh: '《关于继续支持脱贫县统筹整合使用财政涉农资金工作的通知》',
    number: '财农〔2021〕22号',
  },
  ARTICLE_2019: { titleZh: '《江华县:建立"六大机制"凝聚攻坚合力》', number: '湖南省扶贫办 2019-09-11' },
  NBS_LINE: { titleZh: '国家统计局农村贫困标准(按现价)', number: '统计年鉴' },
  ID_PROCEDURE_2015: { titleZh: '2015年建档立卡识别程序(地方文件)', number: '地方示例' },
  WATER_EVAL: { titleZh: '《农村饮水安全评价准则》', number: '县水利局问答' },
  EXCLUSION_LISTS: { titleZh: '各地"不纳入"清单', number: '地方示例' },
  PROJECT_DEFAULT: { titleZh: '本系统默认值(无出处,可配置)', number: '项目决定' },
} as const;

export type SourceDocumentCode = keyof typeof SOURCE_DOCUMENTS;

/** What a rule or parameter rests on: a document code and the evidence grade of that claim. */
export interface SourceRef {
  document: SourceDocumentCode;
  grade: EvidenceGrade;
  note?: string;
}

export function source(document: SourceDocumentCode, grade: EvidenceGrade, note?: string): SourceRef {
  return note === undefined ? { document, grade } : { document, grade, note };
}

/** "《关于建立贫困退出机制的意见》厅字〔2016〕16号 [N]" */
export function describeSourceZh(ref: SourceRef): string {
  const doc = SOURCE_DOCUMENTS[ref.document];
  return `${doc.titleZh} ${doc.number} [${ref.grade}]`;
}

export function describeSourceEn(ref: SourceRef): string {
  return `${ref.document} [${ref.grade}]`;
}
