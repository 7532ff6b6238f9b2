/** Printable HTML pages (manifest, publicity list): self-contained, A4, no scripts. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const STYLE = `
  @page { size: A4; margin: 18mm 15mm; }
  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 11pt; color: #000; margin: 0 auto; max-width: 190mm; }
  h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
  .sub, .period { text-align: center; margin: 0 0 5mm; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 0.5pt solid #000; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  table.kv th { width: 32%; font-weight: normal; background: #f2f2f2; }
  table.list th { background: #f2f2f2; text-align: center; }
  td.n { text-align: right; width: 10mm; }
  .mono { font-family: "Consolas", "Menlo", monospace; font-size: 9pt; word-break: break-all; }
  .note { font-size: 9.5pt; margin-top: 5mm; }
  .sign { margin-top: 12mm; display: flex; justify-content: space-between; }
  .sign span { width: 45%; border-bottom: 0.5pt solid #000; padding-bottom: 6mm; }
  .right { text-align: right; margin-top: 8mm; }
`;

export function printablePage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
