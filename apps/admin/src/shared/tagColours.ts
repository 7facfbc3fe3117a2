import type { EnumValue } from '@gongjian/schema';

/** Tag colours shared by the task list and the battle map legend. */
export const taskStatusColours: Record<EnumValue<'DerivedTaskStatus'>, string> = {
  NOT_STARTED: 'default',
  IN_PROGRESS: 'processing',
  DONE: 'success',
  OVERDUE: 'error',
};

export const householdStatusColours: Record<EnumValue<'HouseholdStatus'>, string> = {
  NON_POOR: 'default',
  POOR: 'red',
  EXITED: 'green',
  EXITED_NO_POLICY: 'cyan',
  RETURNED: 'gold',
};

export const applicationStateColours: Record<EnumValue<'ApplicationState'>, string> = {
  IN_PROGRESS: 'processing',
  COMPLETED: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'default',
};
