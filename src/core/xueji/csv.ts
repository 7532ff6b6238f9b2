/**
 * CSV text of 学信网 exports, for the CLI (src/node/readXueji.ts) and the task pane (a file the user picks): one
 * implementation of the parser and the decoder. Pure: bytes in, rows out.
 */

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. A file whose first line has tabs and no
 * comma is read as tab-separated (Excel's "Unicode text"). Excel's `="0123"` guard for leading zeros is unwrapped.
 */
export function parseCsv(text: string): string[][] {
  const newline = text.search(/[\r\n]/);
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  const separator = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.map((cells) => cells.map((cell) => (/^="[^"]*"$/.test(cell) ? cell.slice(2, -1) : cell)));
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GBK — what 学信网 and Excel on Chinese Windows write. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}
