export { AppShell, AppShell_user, type AppShellProps } from './AppShell.tsx';
export { CursorPager, useCursorPaging } from './CursorPager.tsx';
export { CountyTodayProvider, useCountyToday } from './countyToday.tsx';
export { describeQueryError, formFieldErrors } from './errors.ts';
export { formatDecimal, formatInstant, formatNumber } from './format.ts';
export {
  type Dictionaries,
  defineDictionaries,
  fill,
  type Locale,
  LocaleProvider,
  useLocale,
  useWords,
} from './i18n.tsx';
export { LocaleSwitch } from './LocaleSwitch.tsx';
export { LoginForm, LoginPage } from './LoginPage.tsx';
export { enumLabel, enumOptions, enumValues, type LabelledEnum } from './labels.ts';
export { EmptyState, FullPageSpin, QueryErrorAlert } from './QueryStatus.tsx';
export { RegionPicker, RegionPicker_path, RegionPicker_region, regionPickerPath } from './RegionPicker.tsx';
export { announceSessionLost, useSessionWatch } from './session.ts';
export { type TaskCountLabels, TaskCountStatistics, type TaskCounts } from './TaskCountStatistics.tsx';
export { commonWords } from './words.ts';
