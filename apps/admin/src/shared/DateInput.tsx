import { useLocale } from '@gongjian/ui';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';

const dayFormat = 'YYYY-MM-DD';
const monthFormat = 'YYYY-MM';

/** dayjs's own locale (month and weekday names, the first day of the week) follows the chosen language. */
function useDayjsLocale() {
  const { locale } = useLocale();
  useEffect(() => {
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  }, [locale]);
}

interface CalendarInputProps {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  style?: React.CSSProperties;
  /** The latest day (or month) that may be picked, in the same format as the value. */
  max?: string;
  'data-testid'?: string;
}

function CalendarInput({
  format,
  picker,
  ...props
}: CalendarInputProps & { format: string; picker?: 'month' }) {
  useDayjsLocale();
  const max = props.max ? dayjs(props.max, format) : null;
  return (
    <DatePicker
      id={props.id}
      picker={picker}
      format={format}
      style={props.style}
      data-testid={props['data-testid']}
      value={props.value ? dayjs(props.value, format) : null}
      disabledDate={max ? (day: Dayjs) => day.isAfter(max, picker ?? 'day') : undefined}
      onChange={(day: Dayjs | null) => props.onChange?.(day ? day.format(format) : '')}
    />
  );
}

/** A calendar day as YYYY-MM-DD, picked with the UI kit's date picker in the chosen language. */
export function DateInput(props: CalendarInputProps) {
  return <CalendarInput {...props} format={dayFormat} />;
}

/** A month as YYYY-MM. */
export function MonthInput(props: CalendarInputProps) {
  return <CalendarInput {...props} format={monthFormat} picker="month" />;
}
