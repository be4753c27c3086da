import { gql, loadJurisdictions, loadSectors } from '../graphql.js';
import { h, announce, errorBox, loading, routeHref, bodyLink, uid } from '../elements.js';
import { dataTable } from '../table.js';

export const title = '对比';

const query = `query Compare($jurisdictions: [String!]!, $sector: String) {
  compare(jurisdictions: $jurisdictions, sector: $sector) {
    jurisdictions { id name }
    rows {
      sector { id name parent { name } }
      differs
      cells { hasReading lead { id name } assist { id name } concerned { id name } }
    }
  }
}`;

export async function render(root, { params, isCurrent }) {
  const places = (params.get('places') ?? '').split(',').filter(Boolean);
  const sector = params.get('sector') ?? '';
  const onlyDiff = params.get('diff') === '1';
  root.append(h('h1', {}, '对比各地分工'),
    h('p', { class: 'lead-text' }, '选择两个或更多地区，可选一个行业领域，比较各地由谁牵头、谁配合。同一职能在不同地区、不同时期的名称不同（如安全生产监督管理局与应急管理局），按职能类型比较。'));
  const [jurisdictions, sectors] = await Promise.all([loadJurisdictions(), loadSectors()]);
  if (!isCurrent()) return;
  const listId = uid('sector-names');
  const form = h('form', { class: 'query-form', 'aria-label': '对比条件' },
    h('fieldset', { class: 'field places' }, h('legend', {}, '地区（至少两个）'),
      jurisdictions.map((j) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: 'places', value: j.name, checked: places.includes(j.name) }), j.name))),
    h('div', { class: 'field' }, h('label', { for: 'sector' }, '行业领域（可选）'),
      h('input', { id: 'sector', name: 'sector', type: 'text', list: listId, value: sector, placeholder: '全部领域' }),
      h('datalist', { id: listId }, sectors.map((s) => h('option', { value: s.name })))),
    h('div', { class: 'field' }, h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'diff', checked: onlyDiff }), '只看有差异的领域')),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, '对比')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = [...form.querySelectorAll('input[name=places]:checked')].map((i) => i.value);
    if (chosen.length < 2) { announce('请至少选择两个地区'); form.querySelector('input[name=places]')?.focus(); return; }
    location.hash = routeHref('compare', { places: chosen, sector: form.elements.sector.value.trim(), diff: form.elements.diff.checked ? '1' : '' });
  });
  root.append(form);
  if (places.length < 2) {
    root.append(h('p', { class: 'muted' }, '请选择至少两个地区。'));
    return;
  }
  const out = h('div', { class: 'results' }, loading());
  root.append(out);
  let data;
  try {
    data = await gql(query, { jurisdictions: places, sector: sector || null });
  } catch (e) {
    out.replaceChildren(errorBox(e));
    return;
  }
  if (!isCurrent()) return;
  const names = data.compare.jurisdictions.map((j) => j.name);
  // Sectors no place says anything about are left out: the taxonomy is larger than any one list. Whether places
  // differ is the API's finding: leads of different functions where both places say something, never a place
  // that simply has no reading of the sector.
  const all = data.compare.rows;
  const rows = all.filter((r) => r.cells.some((c) => c.hasReading));
  const shown = onlyDiff ? rows.filter((r) => r.differs) : rows;
  announce(`共 ${rows.length} 个领域，其中 ${rows.filter((r) => r.differs).length} 个各地分工不同`);
  const who = (list) => list.map((b) => b.name).join('、');
  const cellText = (c) => (c.hasReading ? `牵头：${who(c.lead) || '无'}；配合：${who(c.assist) || '无'}；相关职责：${who(c.concerned) || '无'}` : '无解读');
  const columns = [
    { label: '行业领域', text: (r) => r.sector.name, cell: (r) => [r.sector.name, r.differs ? h('span', { class: 'diff-mark', title: '各地分工不同' }, ' ≠') : null] },
    ...names.map((name, i) => ({
      label: name,
      text: (r) => cellText(r.cells[i]),
      cell: (r) => cell(r.cells[i], r.sector, name),
      className: (r) => cellClass(r, i),
    })),
  ];
  out.replaceChildren(
    all.length > rows.length ? h('p', { class: 'muted' }, `另有 ${all.length - rows.length} 个行业领域各地都没有读出分工，未列出。`) : '',
    h('p', { class: 'legend' },
      h('span', { class: 'swatch differs' }), ' 各地牵头职能不同的领域（≠）　',
      h('span', { class: 'swatch missing' }), ' 该地文件没有说到此领域（无解读，不算差异）　',
      h('span', { class: 'swatch nolead' }), ' 有职责、无牵头'),
    dataTable({
      title: `对比_${names.join('_')}${sector ? `_${sector}` : ''}`,
      caption: `${names.join('、')}：${sector || '全部行业领域'}的牵头与配合单位`,
      columns,
      rows: shown,
      rowClass: (r) => (r.differs ? 'differs' : undefined),
    }));
}

// Where the place reads the sector at all, who leads, assists and has related duties; its clauses on demand
// (one small compare of this place and sector, so the matrix itself stays a light query).
function cell(c, sector, place) {
  if (!c.hasReading) return h('span', { class: 'muted', title: '该地文件没有说到此领域' }, '无解读');
  const clauses = h('details', { class: 'cell-clauses' }, h('summary', {}, '条款'));
  clauses.addEventListener('toggle', async () => {
    if (!clauses.open || clauses.dataset.loaded) return;
    clauses.dataset.loaded = '1';
    try {
      const data = await gql(cellQuery, { place, sector: sector.name });
      const own = data.compare.rows.find((r) => r.sector.id === sector.id)?.cells[0]?.evidence ?? [];
      clauses.append(own.length
        ? h('ul', { class: 'evidence-list' }, own.map((d) => h('li', {},
          h('a', { href: routeHref(`doc/${encodeURIComponent(d.id)}`) }, d.locator), ' ', h('span', { class: 'quote' }, d.text))))
        : h('p', { class: 'muted' }, '此格只有相关职责，见“问责任”。'));
    } catch (e) {
      clauses.append(errorBox(e));
    }
  });
  return [
    c.lead.length ? h('div', { class: 'who lead' }, h('span', { class: 'badge lead' }, '牵头'), ' ', join(c.lead, 'LEAD')) : h('div', { class: 'who none' }, '无牵头单位'),
    c.assist.length ? h('div', { class: 'who assist' }, h('span', { class: 'badge assist' }, '配合'), ' ', join(c.assist, 'ASSIST')) : null,
    c.concerned.length ? h('div', { class: 'who duty' }, h('span', { class: 'badge duty' }, '相关职责'), ' ', join(c.concerned, 'DUTY')) : null,
    clauses,
  ];
}

const cellQuery = `query CompareCell($place: String!, $sector: String!) {
  compare(jurisdictions: [$place], sector: $sector) { rows { sector { id } cells { evidence { id text locator } } } }
}`;

function join(bodies, role) {
  return bodies.flatMap((b, i) => {
    const link = h('span', { class: 'who-body', 'data-body-id': b.id, 'data-role': role }, bodyLink(b));
    return i ? ['、', link] : [link];
  });
}

function cellClass(row, i) {
  const c = row.cells[i];
  if (!c.hasReading) return 'missing';
  if (!c.lead.length) return 'nolead';
  return row.differs ? 'differs' : undefined;
}
