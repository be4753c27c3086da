import { h, announce, uid } from './elements.js';

// A table that every page uses: the same columns render on screen and export to CSV and XLSX.
// columns: [{ label, text: row => string, cell?: row => Node|string, className?: row => string }]
export function dataTable({ title, caption, columns, rows, rowClass }) {
  const captionId = uid('caption');
  const table = h('table', { class: 'data', 'aria-describedby': captionId },
    h('caption', { id: captionId }, caption ?? title),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label)))),
    h('tbody', {}, rows.map((row) => h('tr', { class: rowClass?.(row) },
      columns.map((c, i) => {
        const content = c.cell ? c.cell(row) : c.text(row);
        const cls = c.className?.(row);
        return i === 0 ? h('th', { scope: 'row', class: cls }, content) : h('td', { class: cls }, content);
      })))));
  return h('section', { class: 'table-block', 'aria-label': title },
    exportTools(title, columns, rows),
    h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${title}（可横向滚动）` }, table));
}

// Export buttons for rows shown in another form (cards): the same columns become the file's columns.
export function exportTools(title, columns, rows) {
  const labels = columns.map((c) => c.label);
  const exportRows = () => rows.map((row) => columns.map((c) => c.text(row) ?? ''));
  return h('div', { class: 'table-tools' },
    h('span', { class: 'count' }, `共 ${rows.length} 行，可导出`),
    h('button', { type: 'button', class: 'secondary', onclick: () => downloadCsv(title, labels, exportRows()) }, '导出 CSV'),
    h('button', { type: 'button', class: 'secondary', onclick: (e) => downloadXlsx(e.currentTarget, title, labels, exportRows()) }, '导出 XLSX'));
}

// Spreadsheet programs run a cell starting with = + - @ as a formula; a quote keeps it text.
function csvCell(value) {
  let text = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(columns, rows) {
  return [columns, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n');
}

function downloadCsv(title, columns, rows) {
  // The byte-order mark makes Excel read the file as UTF-8, so Chinese is not garbled.
  const blob = new Blob(['\uFEFF', toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' });
  save(blob, `${fileName(title)}.csv`);
  announce('CSV 已导出');
}

async function downloadXlsx(button, title, columns, rows) {
  button.disabled = true;
  try {
    const response = await fetch(new URL('export/xlsx', document.baseURI), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title, columns, rows }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    save(await response.blob(), `${fileName(title)}.xlsx`);
    announce('XLSX 已导出');
  } catch (e) {
    announce(`导出失败：${e.message}`);
    button.after(h('span', { class: 'notice error inline', role: 'alert' }, `导出失败：${e.message}`));
  } finally {
    button.disabled = false;
  }
}

function fileName(title) {
  return (title || '表格').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80);
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
