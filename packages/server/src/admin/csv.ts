/**
 * CSV for spreadsheets (RFC 4180: quoted where needed, CRLF lines), with a UTF-8 byte order mark so
 * spreadsheet apps read Ukrainian text correctly. Text a person wrote that starts like a formula
 * (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading `'`, so opening the file runs nothing.
 */
export function toCsv(header: string[], rows: unknown[][]): string {
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
