import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProcessRecord } from '@tongban/contracts';
import { App } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/apiError.ts';
import { useFeedback } from '../../../app/feedback.ts';
import { useUnsavedGuard } from '../editor/useUnsavedGuard.ts';
import { processKeys, saveProcess } from './api.ts';
import { checkDefinition, fromServerIssues, sameDefinition, type Definition, type Problem } from './model.ts';

interface Draft {
  def: Definition;
  /** The version the editing started from: the server refuses the save when it is no longer the latest. */
  baseVersion: number | null;
  /** An old version loaded as the starting point, if any. */
  loadedFrom: number | null;
}

interface ServerRefusal {
  title: string;
  problems: Problem[];
  /** The definition the server judged: its problems show until the admin changes something. */
  forDef: string;
}

/**
 * The state of the process editor: the definition being edited (the server's until the first
 * change), its problems (the browser's check, plus the server's refusal of the last save),
 * and saving a new version after a confirmation that names it.
 */
export function useProcessDraft(record: ProcessRecord, ownDepartmentId: string | null) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [server, setServer] = useState<ServerRefusal | null>(null);
  const [conflict, setConflict] = useState<{ latestVersion: number | null } | null>(null);
  const [justSaved, setJustSaved] = useState<number | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const messagesRef = useRef<HTMLDivElement>(null);

  const definition = draft?.def ?? record.definition;
  const baseVersion = draft ? draft.baseVersion : record.version;
  const live = useMemo(() => checkDefinition(definition, ownDepartmentId), [definition, ownDepartmentId]);
  const serverProblems = server && server.forDef === JSON.stringify(definition) ? server.problems : [];
  const problems = [...live, ...serverProblems.filter((s) => !live.some((l) => l.rule === s.rule && l.path === s.path))];
  const dirty = draft !== null && !sameDefinition(draft.def, record.definition);

  const mutation = useMutation({
    mutationFn: (input: { def: Definition; baseVersion: number | null }) => saveProcess(record.itemId, input.def, input.baseVersion),
    onSuccess: (saved, input) => {
      client.setQueryData(processKeys.current(record.itemId), saved);
      void client.invalidateQueries({ queryKey: processKeys.versions(record.itemId) });
      setDraft(null);
      setServer(null);
      setConflict(null);
      setJustSaved(saved.version);
      feedback.success(t('processEditor.saved.title', { version: saved.version ?? (input.baseVersion ?? 0) + 1 }));
      window.setTimeout(() => messagesRef.current?.scrollIntoView({ block: 'start' }), 30);
    },
    onError: (error, input) => {
      if (isApiError(error) && error.code === 'CONFLICT') {
        const details = error.details as { latestVersion?: unknown } | undefined;
        setConflict({ latestVersion: typeof details?.latestVersion === 'number' ? details.latestVersion : null });
      } else if (isApiError(error) && (error.code === 'PROCESS_RULES_BROKEN' || error.code === 'VALIDATION_FAILED') && error.issues.length > 0) {
        setServer({ title: error.message, problems: fromServerIssues(error.issues), forDef: JSON.stringify(input.def) });
      } else {
        feedback.failure(error);
        return;
      }
      window.setTimeout(() => messagesRef.current?.scrollIntoView({ block: 'start' }), 30);
    },
  });
  useUnsavedGuard(dirty && !mutation.isPending);

  const change = (next: Definition) => {
    setDraft((d) => ({ def: next, baseVersion: d ? d.baseVersion : record.version, loadedFrom: d?.loadedFrom ?? null }));
    setJustSaved(null);
  };

  const save = () => {
    if (live.length > 0) {
      summaryRef.current?.scrollIntoView({ block: 'start' });
      summaryRef.current?.focus({ preventScroll: true });
      return;
    }
    const next = (baseVersion ?? 0) + 1;
    const input = { def: definition, baseVersion };
    modal.confirm({
      title: t('processEditor.confirm.title', { version: next }),
      content: t('processEditor.confirm.text', { version: next }),
      okText: t('processEditor.confirm.ok', { version: next }),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'process-save-confirm' },
      onOk: () => mutation.mutateAsync(input).catch(() => undefined),
    });
  };

  return {
    definition,
    baseVersion,
    problems,
    serverProblems,
    serverTitle: serverProblems.length > 0 ? (server?.title ?? null) : null,
    dirty,
    saving: mutation.isPending,
    conflict,
    justSaved,
    loadedFrom: dirty ? (draft?.loadedFrom ?? null) : null,
    summaryRef,
    messagesRef,
    change,
    save,
    discard: () => {
      setDraft(null);
      setServer(null);
      setConflict(null);
    },
    dismissSaved: () => setJustSaved(null),
    /** Starts editing from an old version; saving it still makes the next version. */
    loadVersion: (version: number, def: Definition) => {
      setDraft((d) => ({ def, baseVersion: d ? d.baseVersion : record.version, loadedFrom: version }));
      setServer(null);
      setJustSaved(null);
    },
  };
}
