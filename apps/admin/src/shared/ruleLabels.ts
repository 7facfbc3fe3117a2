import type { Locale } from '@gongjian/ui';

/** Rule ids the API returns with RULE_VIOLATION, in words a clerk understands. */
export const ruleLabels: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    'TASK.LEVEL': '下级任务应比上级任务低一个责任层级',
    'TASK.DEADLINE': '下级任务的完成时限不能晚于上级任务',
    'TASK.REGION': '下级任务的区划须在上级任务的区划之内',
    'TASK.CHILDREN_DONE': '还有下级任务未完成，不能办结',
    'TASK.PROGRESS_AT_LEAF': '进度只在末级任务填报，上级任务的进度由下级汇总',
    'TASK.ALREADY_DONE': '任务已完成',
    'TASK.PARENT_OPEN': '已完成的任务不能再分解',
    'DOCUMENT.IN_FORCE': '只能替代现行有效的文件',
  },
  en: {
    'TASK.LEVEL': 'A child task sits exactly one responsibility level below its parent',
    'TASK.DEADLINE': 'A child’s deadline cannot be after its parent’s',
    'TASK.REGION': 'A child’s region must lie inside its parent’s region',
    'TASK.CHILDREN_DONE': 'Some child tasks are still open; the task cannot be completed',
    'TASK.PROGRESS_AT_LEAF': 'Progress is reported on leaf tasks; a parent’s progress is rolled up',
    'TASK.ALREADY_DONE': 'The task is already done',
    'TASK.PARENT_OPEN': 'A completed task cannot be decomposed',
    'DOCUMENT.IN_FORCE': 'Only a document in force can be replaced',
  },
};
