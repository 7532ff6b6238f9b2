import { makeStaticStyles } from '@fluentui/react-components';
import * as React from 'react';
import { createPortal } from 'react-dom';

/**
 * Printing from the pane: a dedicated print layout (A4, black on white, serif as on paper forms) rendered into a
 * container at the end of <body>, shown only in print media while everything else is hidden; then window.print().
 * The styles go in through Griffel's CSSOM insertion, which the add-in's Content-Security-Policy allows (inline
 * <style> elements with content are not). The printable HTML of src/core (forms, manifest) uses the same classes.
 */
export const PRINT_ROOT_CLASS = 'dd-print-root';

const usePrintStyles = makeStaticStyles(`
.dd-print-root { display: none; }
@media print {
  body > *:not(.dd-print-root) { display: none !important; }
  .dd-print-root { display: block !important; }
  @page { size: A4 portrait; margin: 16mm 15mm; }
}
.dd-print-root { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 10.5pt; color: #000; background: #fff; line-height: 1.45; }
.dd-print-root * { box-sizing: border-box; }
.dd-print-root .page { page-break-after: always; break-after: page; }
.dd-print-root .page:last-child { page-break-after: auto; break-after: auto; }
.dd-print-root h1 { font-size: 17pt; text-align: center; margin: 0 0 4mm; letter-spacing: 2pt; }
.dd-print-root h2 { font-size: 12pt; margin: 4mm 0 2mm; }
.dd-print-root .meta { display: flex; justify-content: space-between; gap: 4mm; margin-bottom: 3mm; flex-wrap: wrap; }
.dd-print-root table { width: 100%; border-collapse: collapse; margin-bottom: 4mm; }
.dd-print-root th, .dd-print-root td { border: 0.6pt solid #000; padding: 1.6mm 2mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
.dd-print-root th { background: #f2f2f2; font-weight: bold; white-space: nowrap; }
.dd-print-root .list td, .dd-print-root .list th { font-size: 9.5pt; }
.dd-print-root .list td.detail { font-size: 9pt; border-top: none; }
.dd-print-root .nowrap { white-space: nowrap; }
.dd-print-root td.new { font-weight: bold; }
.dd-print-root .key { font-weight: bold; }
.dd-print-root .note { font-size: 9pt; margin: 2mm 0; }
.dd-print-root .hash { font-family: "Consolas", "Courier New", monospace; font-size: 9pt; letter-spacing: 0.3pt; }
.dd-print-root .signatures td { height: 30mm; width: 33%; }
.dd-print-root .sign-title { font-weight: bold; }
.dd-print-root .esign { font-size: 8.5pt; color: #333; margin-top: 1.5mm; }
.dd-print-root .line { margin-top: 4mm; white-space: nowrap; }
.dd-print-root .sub, .dd-print-root .period { text-align: center; margin: 0 0 5mm; }
.dd-print-root thead { display: table-header-group; }
.dd-print-root tr { page-break-inside: avoid; }
.dd-print-root table.kv th { width: 32%; font-weight: normal; }
.dd-print-root table.list th { text-align: center; }
.dd-print-root td.n { text-align: right; width: 10mm; }
.dd-print-root .mono { font-family: "Consolas", "Menlo", monospace; font-size: 9pt; word-break: break-all; }
.dd-print-root .sign { margin-top: 12mm; display: flex; justify-content: space-between; }
.dd-print-root .sign span { width: 45%; border-bottom: 0.5pt solid #000; padding-bottom: 6mm; }
.dd-print-root .right { text-align: right; margin-top: 8mm; }
.dd-print-root .print-job + .print-job { page-break-before: always; break-before: page; }
`);

interface PrintApi {
  /** Renders the layout and opens the browser's print dialog. */
  print(content: React.ReactNode, title: string): void;
}

const PrintContext = React.createContext<PrintApi>({ print: () => undefined });

export const usePrint = (): PrintApi => React.useContext(PrintContext);

/** Provides `print`; the layout stays in the (hidden) container until the next print. */
export function PrintProvider(props: { children?: React.ReactNode; onPrint?: () => void }) {
  usePrintStyles();
  const [job, setJob] = React.useState<{ content: React.ReactNode; title: string; id: number }>();
  const counter = React.useRef(0);
  const onPrint = props.onPrint;
  React.useEffect(() => {
    if (!job || typeof window === 'undefined') return;
    const title = document.title;
    document.title = job.title;
    try {
      if (onPrint) onPrint();
      else window.print();
    } finally {
      document.title = title;
    }
  }, [job, onPrint]);
  const api = React.useMemo<PrintApi>(() => ({ print: (content, title) => setJob({ content, title, id: ++counter.current }) }), []);
  return (
    <PrintContext.Provider value={api}>
      {props.children}
      {job &&
        typeof document !== 'undefined' &&
        createPortal(
          <div className={PRINT_ROOT_CLASS} data-testid="print-root" data-print-job={job.id} lang="zh-CN">
            {job.content}
          </div>,
          document.body,
        )}
    </PrintContext.Provider>
  );
}

/** The <body> of a self-contained printable HTML document from src/core (its <style> is replaced by ours). */
export function bodyOf(html: string): string {
  const match = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return (match ? match[1] : html).replace(/<style[\s\S]*?<\/style>/gi, '').replace(/<script[\s\S]*?<\/script>/gi, '');
}

/** Prints HTML that src/core rendered and escaped (forms, manifest, publicity list). */
export function CoreHtml(props: { html: string }) {
  return <div dangerouslySetInnerHTML={{ __html: bodyOf(props.html) }} />;
}
