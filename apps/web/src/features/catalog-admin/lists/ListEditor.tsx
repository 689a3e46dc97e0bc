import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Drawer, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A request from outside (an error link) to open one row, optionally at one field. */
export interface RowFocus {
  index: number;
  field?: string | undefined;
  nonce: number;
}

export interface RowFormProps<T> {
  row: T;
  /** Null for a new row. */
  index: number | null;
  focusField?: string | undefined;
  onSave: (row: T) => void;
  onCancel: () => void;
}

interface Props<T> {
  /** From Form.Item: put on the table so the form can scroll to it. */
  id?: string;
  value?: T[];
  onChange?: (rows: T[]) => void;
  columns: TableColumnsType<T>;
  /** Names a row in buttons' accessible names ("上移“身份证”"). */
  rowName: (row: T, index: number) => string;
  newRow: (rows: T[]) => T;
  renderForm: (props: RowFormProps<T>) => ReactNode;
  addText: string;
  editTitle: (row: T) => string;
  addTitle: string;
  empty: ReactNode;
  focus?: RowFocus | null;
  testId: string;
}

type Editing<T> = { index: number | null; row: T; field?: string | undefined };

/** A list of records (materials, fees, questions): a table with add, edit in a drawer, remove, move up and down. */
export function ListEditor<T extends object>({
  id,
  value,
  onChange,
  columns,
  rowName,
  newRow,
  renderForm,
  addText,
  editTitle,
  addTitle,
  empty,
  focus,
  testId,
}: Props<T>) {
  const { t } = useTranslation();
  const rows = value ?? [];
  const [editing, setEditing] = useState<Editing<T> | null>(null);

  useEffect(() => {
    if (!focus) return;
    const row = (value ?? [])[focus.index];
    if (row) setEditing({ index: focus.index, row, field: focus.field });
    // Only a new request opens the drawer, not a change of the rows.
  }, [focus?.nonce]);

  const change = (next: T[]) => onChange?.(next);
  const move = (from: number, to: number) => {
    const next = [...rows];
    const [item] = next.splice(from, 1);
    if (item === undefined) return;
    next.splice(to, 0, item);
    change(next);
  };

  const actions: TableColumnsType<T>[number] = {
    title: t('common.actions'),
    key: 'actions',
    width: 210,
    render: (_v: unknown, row: T, index: number) => {
      const name = rowName(row, index);
      return (
        <Space size={4} wrap>
          <Button
            size="small"
            icon={<EditOutlined aria-hidden />}
            aria-label={t('catalogAdmin.list.editRow', { name })}
            onClick={() => setEditing({ index, row })}
          >
            {t('common.edit')}
          </Button>
          <Button
            size="small"
            icon={<ArrowUpOutlined aria-hidden />}
            aria-label={t('catalogAdmin.list.moveUp', { name })}
            title={t('catalogAdmin.list.moveUp', { name })}
            disabled={index === 0}
            onClick={() => move(index, index - 1)}
          />
          <Button
            size="small"
            icon={<ArrowDownOutlined aria-hidden />}
            aria-label={t('catalogAdmin.list.moveDown', { name })}
            title={t('catalogAdmin.list.moveDown', { name })}
            disabled={index === rows.length - 1}
            onClick={() => move(index, index + 1)}
          />
          <Popconfirm
            title={t('catalogAdmin.list.removeConfirm', { name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            onConfirm={() => change(rows.filter((_r, i) => i !== index))}
          >
            <Button
              size="small"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('catalogAdmin.list.remove', { name })}
              title={t('catalogAdmin.list.remove', { name })}
            />
          </Popconfirm>
        </Space>
      );
    },
  };

  const numbered: TableColumnsType<T> = [
    { title: t('catalogAdmin.list.number'), key: 'no', width: 56, render: (_v: unknown, _r: T, index: number) => index + 1 },
    ...columns,
    actions,
  ];

  return (
    <div id={id} tabIndex={-1} className="tb-ca-list" data-testid={testId}>
      <Table<T>
        rowKey={(row) => String(rows.indexOf(row))}
        size="small"
        columns={numbered}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: empty }}
      />
      <Button className="tb-mt" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ index: null, row: newRow(rows) })}>
        {addText}
      </Button>
      <Drawer
        open={editing !== null}
        title={editing ? (editing.index === null ? addTitle : editTitle(editing.row)) : ''}
        size={Math.min(720, typeof window === 'undefined' ? 720 : window.innerWidth)}
        onClose={() => setEditing(null)}
        destroyOnHidden
        mask={{ closable: false }}
      >
        {editing &&
          renderForm({
            row: editing.row,
            index: editing.index,
            focusField: editing.field,
            onCancel: () => setEditing(null),
            onSave: (row) => {
              change(editing.index === null ? [...rows, row] : rows.map((r, i) => (i === editing.index ? row : r)));
              setEditing(null);
            },
          })}
      </Drawer>
    </div>
  );
}
