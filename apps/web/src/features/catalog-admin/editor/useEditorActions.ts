import { useQueryClient } from '@tanstack/react-query';
import type { FieldIssue, ItemContent, ItemVersion } from '@tongban/contracts';
import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/apiError.ts';
import { useFeedback } from '../../../app/feedback.ts';
import { catalogKeys } from '../../portal/catalog/api.ts';
import { catalogAdminKeys, createItem, publishItem, retireItem, saveDraft, submitItem, type EditableItem } from '../api.ts';
import { toContent, type EditorValues } from './values.ts';

type Action = 'save' | 'submit' | 'publish' | 'retire';

interface Options {
  form: FormInstance<EditorValues>;
  item: EditableItem | null;
  base: ItemContent;
  dirty: boolean;
  /** The form's own checks failed: list them. */
  onInvalid: (fields: { name: (string | number)[]; errors: string[] }[]) => void;
  /** The server refused the content (400): list its issues. */
  onServerIssues: (title: string, issues: FieldIssue[]) => void;
  /** The server refused to publish (422 RULES_BROKEN): list every broken rule. */
  onRulesBroken: (version: number, issues: FieldIssue[]) => void;
  onCreated: (created: ItemVersion) => void;
  onPublished: (published: ItemVersion) => void;
  /** Before each action: clear the previous problems. */
  onStart: () => void;
  /** Someone else changed the item: reload it from the server. */
  onReload: () => void;
}

class Stopped extends Error {}

function hasErrorFields(e: unknown): e is { errorFields: { name: (string | number)[]; errors: string[] }[] } {
  return typeof e === 'object' && e !== null && 'errorFields' in e && Array.isArray(e.errorFields);
}

/** Save draft, submit, publish and retire, each confirming what happened. */
export function useEditorActions(o: Options) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const feedback = useFeedback();
  const { modal } = App.useApp();
  const [busy, setBusy] = useState<Action | null>(null);

  const remember = (v: ItemVersion) => {
    client.setQueryData<EditableItem>(catalogAdminKeys.item(v.item.id), (old) => ({ current: v, versions: old?.versions ?? [] }));
    void client.invalidateQueries({ queryKey: catalogAdminKeys.all });
  };

  const fail = (error: unknown) => {
    if (error instanceof Stopped) return;
    if (isApiError(error) && error.code === 'VALIDATION_FAILED' && error.issues.length > 0) {
      o.onServerIssues(error.message, error.issues);
      return;
    }
    if (isApiError(error) && error.code === 'CONFLICT') {
      modal.confirm({
        title: t('catalogAdmin.conflict.title'),
        content: t('catalogAdmin.conflict.text'),
        okText: t('catalogAdmin.conflict.reload'),
        cancelText: t('catalogAdmin.conflict.keep'),
        onOk: o.onReload,
      });
      return;
    }
    feedback.failure(error, { INVALID_STATE: t('catalogAdmin.invalidState') });
  };

  /** Checks the form; the content to send, or Stopped after listing the problems. */
  const validated = async (): Promise<ItemContent> => {
    try {
      await o.form.validateFields();
    } catch (e) {
      if (hasErrorFields(e)) {
        o.onInvalid(e.errorFields);
        throw new Stopped();
      }
      throw e;
    }
    return toContent(o.form.getFieldsValue(true) as EditorValues, o.base);
  };

  /** Saves when there is something to save; the version as the server now has it. */
  const saved = async (always: boolean): Promise<ItemVersion> => {
    const content = await validated();
    if (!o.item) {
      const values = o.form.getFieldsValue(true) as EditorValues;
      const implCode = values.implCode?.trim();
      const created = await createItem({ departmentId: values.departmentId ?? '', level: values.level ?? '3', ...(implCode ? { implCode } : {}), content });
      feedback.success(t('catalogAdmin.done.created', { name: created.content.name }));
      void client.invalidateQueries({ queryKey: catalogAdminKeys.all });
      o.onCreated(created);
      throw new Stopped();
    }
    const current = o.item.current;
    if (!always && !o.dirty) return current;
    const next = await saveDraft(current.item.id, content, current.item.rowVersion);
    remember(next);
    const published = next.item.publishedVersion;
    feedback.success(
      published !== null && published !== next.version
        ? t('catalogAdmin.done.savedNext', { version: next.version, published })
        : t('catalogAdmin.done.saved', { version: next.version }),
    );
    return next;
  };

  const run = (action: Action, work: () => Promise<void>) => async () => {
    o.onStart();
    setBusy(action);
    try {
      await work();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  return {
    busy,
    save: run('save', async () => {
      await saved(true);
    }),
    submit: run('submit', async () => {
      const v = await saved(false);
      const next = await submitItem(v.item.id, v.item.rowVersion);
      remember(next);
      feedback.success(t('catalogAdmin.done.submitted', { version: next.version }));
    }),
    publish: run('publish', async () => {
      const v = await saved(false);
      try {
        const next = await publishItem(v.item.id, v.item.rowVersion);
        remember(next);
        void client.invalidateQueries({ queryKey: catalogKeys.all });
        feedback.success(t('catalogAdmin.done.published', { version: next.version }));
        o.onPublished(next);
      } catch (error) {
        if (isApiError(error) && error.code === 'RULES_BROKEN') {
          o.onRulesBroken(v.version, error.issues);
          return;
        }
        throw error;
      }
    }),
    retire: (reason: string) =>
      run('retire', async () => {
        if (!o.item) return;
        const current = o.item.current;
        const summary = await retireItem(current.item.id, current.item.rowVersion, reason);
        client.setQueryData<EditableItem>(catalogAdminKeys.item(summary.id), (old) => (old ? { ...old, current: { ...old.current, item: summary } } : old));
        void client.invalidateQueries({ queryKey: catalogAdminKeys.all });
        void client.invalidateQueries({ queryKey: catalogKeys.all });
        feedback.success(t('catalogAdmin.done.retired', { name: current.content.name }));
      })(),
  };
}
