import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { errorMessage, type Query } from '../lib/api.ts';
import { downloadFile, type DownloadProgress } from '../lib/download.ts';
import { useI18n } from '../lib/i18n/react.tsx';
import './list-tools.css';

function sizeOf(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * 导出 Excel for a list: downloads exactly what the list's filters select (the server reads the
 * list as the screen does and names the file), and says how far a large export has got.
 */
export function ExportButton({ path, query, fallback }: { path: string; query: Query; fallback: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<DownloadProgress | null>(null);

  const run = async () => {
    setProgress({ bytes: 0, rows: null });
    try {
      const name = await downloadFile(path, query, fallback, locale, setProgress);
      void message.success(t('export.done', { name }));
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setProgress(null);
    }
  };

  return (
    <span className="hm-export">
      <Button icon={<DownloadOutlined aria-hidden />} loading={progress !== null} onClick={() => void run()}>
        {t('export.button')}
      </Button>
      <span role="status" className="hm-export-progress">
        {progress &&
          (progress.rows === null
            ? t('export.starting')
            : t('export.progress', { rows: progress.rows.toLocaleString(locale), size: sizeOf(progress.bytes) }))}
      </span>
    </span>
  );
}

/** 打印 where the list is a paper form too: the print stylesheet leaves out the console around it. */
export function PrintButton() {
  const { t } = useI18n();
  return (
    <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} className="hm-no-print">
      {t('print.button')}
    </Button>
  );
}

/**
 * 打印 for a paper form shown on a page of its own (the agreement, the plaque certificate, the
 * community bulletin board): opens it in a new window and asks the browser to print it once it
 * has loaded; `selfPrinting` pages (the board, which loads its data after `load`) print themselves
 * when opened with `?print=1`.
 */
export function PrintPageButton({
  href,
  label,
  selfPrinting,
}: {
  href: string;
  label: string;
  selfPrinting?: boolean;
}) {
  const open = () => {
    if (selfPrinting) {
      window.open(`${href}${href.includes('?') ? '&' : '?'}print=1`, '_blank');
      return;
    }
    const win = window.open(href, '_blank');
    // Same origin: the new window's load event and print() are ours to use.
    win?.addEventListener('load', () => win.print(), { once: true });
  };
  return (
    <Button size="small" icon={<PrinterOutlined aria-hidden />} onClick={open} className="hm-no-print">
      {label}
    </Button>
  );
}
