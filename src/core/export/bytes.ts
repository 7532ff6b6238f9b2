/** Bytes for the pane's ways of saving a file: Excel.createWorkbook takes base64, a download takes a Blob part. */

/** Base64 of bytes, in chunks (no Node Buffer, no call-stack limit on large files). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** The MIME type of an upload file, for a Blob download. */
export function mimeTypeOf(fileName: string): string {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return (
    {
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      dbf: 'application/x-dbf',
      zip: 'application/zip',
      json: 'application/json',
      html: 'text/html;charset=utf-8',
    }[extension] ?? 'application/octet-stream'
  );
}
