import { DeleteOutlined, FileImageOutlined, FilePdfOutlined, FileTextOutlined, SwapOutlined, UploadOutlined } from '@ant-design/icons';
import type { FileMeta, UploadLimits } from '@tongban/contracts';
import { Button, Progress } from 'antd';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../app/apiError.ts';
import { uploadFile } from './api.ts';
import './apply.css';

/** 1,234,567 bytes → "1.2 MB" (KB below a megabyte). */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

const FALLBACK_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'ofd'];

const iconOf = (type: string) =>
  type === 'application/pdf' ? (
    <FilePdfOutlined aria-hidden />
  ) : type.startsWith('image/') ? (
    <FileImageOutlined aria-hidden />
  ) : (
    <FileTextOutlined aria-hidden />
  );

interface Pending {
  key: string;
  name: string;
  percent: number;
}

interface Props {
  /** The material's key and name: for ids, test ids and the words read to screen readers. */
  materialKey: string;
  name: string;
  files: FileMeta[];
  /** Changes the files (an updater: uploads finish one by one). */
  onChange: (update: (files: FileMeta[]) => FileMeta[]) => void;
  limits: UploadLimits | undefined;
  /** A problem the server named for this material. */
  error?: string | undefined;
}

/**
 * The files of one material: what is uploaded (name, size, view, replace, delete), what is being
 * uploaded (with progress), and the limits said before anyone picks a file. Files that break them
 * are refused here with the reason; the server checks the content again.
 */
export function MaterialFiles({ materialKey, name, files, onChange, limits, error }: Props) {
  const { t } = useTranslation();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const replacing = useRef<string | null>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const extensions = limits?.extensions ?? FALLBACK_EXTENSIONS;
  const maxBytes = limits?.maxBytes ?? 10 * 1024 * 1024;
  const maxFiles = limits?.maxFilesPerMaterial ?? 20;
  const typesText = [...new Set(extensions.map((e) => (e === 'jpeg' ? 'jpg' : e).toUpperCase()))].join(t('apply.files.typeSeparator'));

  const pick = (replace: string | null) => {
    replacing.current = replace;
    input.current?.click();
  };

  function take(chosen: File[]) {
    const replace = replacing.current;
    replacing.current = null;
    const found: string[] = [];
    const room = replace ? 1 : maxFiles - files.length - pending.length;
    const accepted = chosen.filter((file) => {
      const ext = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
      if (!extensions.includes(ext)) found.push(t('apply.files.wrongType', { name: file.name, types: typesText }));
      else if (file.size > maxBytes) found.push(t('apply.files.tooBig', { name: file.name, max: fileSizeText(maxBytes) }));
      else if (file.size === 0) found.push(t('apply.files.empty', { name: file.name }));
      else return true;
      return false;
    });
    if (accepted.length > room) found.push(t('apply.files.tooMany', { max: maxFiles }));
    setProblems(found);
    for (const file of accepted.slice(0, Math.max(0, room))) {
      const key = `${file.name}-${Math.random().toString(36).slice(2)}`;
      setPending((p) => [...p, { key, name: file.name, percent: 0 }]);
      uploadFile(file, (percent) => setPending((p) => p.map((x) => (x.key === key ? { ...x, percent } : x))))
        .then((uploaded) => {
          const meta: FileMeta = { id: uploaded.id, name: uploaded.name, size: uploaded.size, contentType: uploaded.contentType };
          onChange((current) => (replace && current.some((f) => f.id === replace) ? current.map((f) => (f.id === replace ? meta : f)) : [...current, meta]));
        })
        .catch((e: unknown) => {
          if (e instanceof DOMException && e.name === 'AbortError') return;
          setProblems((p) => [...p, t('apply.files.failed', { name: file.name, reason: errorText(e) })]);
        })
        .finally(() => setPending((p) => p.filter((x) => x.key !== key)));
    }
  }

  return (
    <div className="tb-material-files" data-testid={`material-files-${materialKey}`}>
      {files.length > 0 && (
        <ul className="tb-file-list" aria-label={t('apply.files.listLabel', { name })}>
          {files.map((f) => (
            <li key={f.id} className="tb-file" data-testid="uploaded-file">
              <span className="tb-file-icon">{iconOf(f.contentType)}</span>
              <span className="tb-file-name">
                <a href={`/api/files/${encodeURIComponent(f.id)}`} download={f.name}>
                  {f.name}
                </a>
                <span className="tb-muted tb-file-size">{fileSizeText(f.size)}</span>
              </span>
              <span className="tb-file-actions">
                <Button
                  size="small"
                  icon={<SwapOutlined aria-hidden />}
                  onClick={() => pick(f.id)}
                  aria-label={t('apply.files.replaceLabel', { name: f.name })}
                >
                  {t('apply.files.replace')}
                </Button>
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  onClick={() => onChange((current) => current.filter((x) => x.id !== f.id))}
                  aria-label={t('apply.files.removeLabel', { name: f.name })}
                >
                  {t('apply.files.remove')}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {pending.length > 0 && (
        <ul className="tb-file-list" aria-live="polite">
          {pending.map((p) => (
            <li key={p.key} className="tb-file tb-file-pending" data-testid="uploading-file">
              <span className="tb-file-name">{t('apply.files.uploading', { name: p.name })}</span>
              <Progress percent={p.percent} size="small" aria-label={t('apply.files.progressLabel', { name: p.name })} />
            </li>
          ))}
        </ul>
      )}
      <input
        ref={input}
        type="file"
        hidden
        multiple
        tabIndex={-1}
        accept={extensions.map((e) => `.${e}`).join(',')}
        data-testid={`file-input-${materialKey}`}
        onChange={(e) => {
          take(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
      <Button icon={<UploadOutlined aria-hidden />} onClick={() => pick(null)} aria-describedby={hintId} disabled={files.length + pending.length >= maxFiles}>
        {files.length > 0 ? t('apply.files.addMore') : t('apply.files.choose')}
      </Button>
      <p id={hintId} className="tb-muted tb-file-hint">
        {t('apply.files.hint', { types: typesText, max: fileSizeText(maxBytes) })}
      </p>
      {(problems.length > 0 || error) && (
        <ul className="tb-file-problems" role="alert">
          {error && <li>{error}</li>}
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
