import { Checkbox } from 'antd';

interface Props<T extends string> {
  id?: string;
  value?: T[];
  onChange?: (value: T[]) => void;
  options: { value: T; label: string }[];
  /** The group's name for assistive technology (the Form.Item label does not name a group). */
  label: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true' | boolean;
}

/**
 * Checkboxes for a multi-valued element, as a named group. Form.Item's `aria-required` is not
 * passed on: it is not allowed on a group (the label's mark and the error say it instead).
 */
export function CheckGroup<T extends string>({ id, value, onChange, options, label, ...aria }: Props<T>) {
  return (
    <div id={id} role="group" tabIndex={-1} aria-label={label} aria-describedby={aria['aria-describedby']} aria-invalid={aria['aria-invalid']}>
      <Checkbox.Group<T> value={value} onChange={(v) => onChange?.(v)} options={options} />
    </div>
  );
}
