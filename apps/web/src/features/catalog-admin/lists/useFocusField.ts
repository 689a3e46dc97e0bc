import type { FormInstance } from 'antd';
import { useEffect } from 'react';

/** Once the drawer has opened: show the problem of one field and put the cursor in it. */
export function useFocusField<T>(form: FormInstance<T>, field: string | undefined): void {
  useEffect(() => {
    if (!field) return;
    const timer = window.setTimeout(() => {
      void form.validateFields([field]).catch(() => undefined);
      form.scrollToField(field);
      form.focusField(field);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [field, form]);
}
