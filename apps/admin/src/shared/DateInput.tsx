import { Input } from 'antd';

/** A calendar day as YYYY-MM-DD (the browser's date input; no date library needed). */
export function DateInput(props: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  style?: React.CSSProperties;
  max?: string;
}) {
  return (
    <Input
      type="date"
      id={props.id}
      max={props.max}
      style={props.style}
      value={props.value ?? ''}
      onChange={(event) => props.onChange?.(event.target.value)}
    />
  );
}
