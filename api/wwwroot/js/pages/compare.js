import { gql, loadJurisdictions, loadSectors } from '../graphql.js';
import { h, announce, errorBox, loading, routeHref, bodyLink, uid } from '../elements.js';
import { dataTable } from '../table.js';

export const title = '对比';

const query = `query Compare($jurisdictions: [String!]!, $sector: String) {
  compare(jurisdictions: $jurisdictions, sector: $sector) {
    jurisdictions { id name }
    rows {
      sector { id name parent { name } }
      cells { jurisdiction { name } lead { id name agencyType } assist { id name agencyType } }
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
  // Sectors no place says anything about are left out: the taxonomy is larger than any one list.
  const all = data.compare.rows.map((r) => ({ ...r, differs: differs(r.cells) }));
  const rows = all.filter((r) => r.cells.some((c) => c.lead.length || c.assist.length));
  const shown = onlyDiff ? rows.filter((r) => r.differs) : rows;
  announce(`共 ${rows.length} 个领域，其中 ${rows.filter((r) => r.differs).length} 个各地分工不同`);
  const who = (list) => list.map((b) => b.name).join('、');
  const cellText = (c) => `牵头：${who(c.lead) || '无'}；配合：${who(c.assist) || '无'}`;
  const columns = [
    { label: '行业领域', text: (r) => r.sector.name, cell: (r) => [r.sector.name, r.differs ? h('span', { class: 'diff-mark', title: '各地分工不同' }, ' ≠') : null] },
    ...names.map((name, i) => ({
      label: name,
      text: (r) => cellText(r.cells[i]),
      cell: (r) => cell(r.cells[i]),
      className: (r) => cellClass(r, i),
    })),
  ];
  out.replaceChildren(
    all.length > rows.length ? h('p', { class: 'muted' }, `另有 ${all.length - rows.length} 个行业领域各地都没有读出分工，未列出。`) : '',
    h('p', { class: 'legend' },
      h('span', { class: 'swatch differs' }), ' 各地牵头职能不同的领域（≠）　',
      h('span', { class: 'swatch missing' }), ' 该地没有读出此领域的分工　',
      h('span', { class: 'swatch nolead' }), ' 有配合、无牵头'),
    dataTable({
      title: `对比_${names.join('_')}${sector ? `_${sector}` : ''}`,
      caption: `${names.join('、')}：${sector || '全部行业领域'}的牵头与配合单位`,
      columns,
      rows: shown,
      rowClass: (r) => (r.differs ? 'differs' : undefined),
    }));
}

function cell(c) {
  if (!c.lead.length && !c.assist.length) return h('span', { class: 'muted' }, '—');
  return [
    c.lead.length ? h('div', { class: 'who lead' }, h('span', { class: 'badge lead' }, '牵头'), ' ', join(c.lead)) : h('div', { class: 'who none' }, '无牵头单位'),
    c.assist.length ? h('div', { class: 'who assist' }, h('span', { class: 'badge assist' }, '配合'), ' ', join(c.assist)) : null,
  ];
}

function join(bodies) {
  return bodies.flatMap((b, i) => (i ? ['、', bodyLink(b)] : [bodyLink(b)]));
}

// Places differ when the functions that lead (agencyType, else the name) are not the same set everywhere.
function leadKey(c) {
  return [...new Set(c.lead.map((b) => b.agencyType ?? b.name))].sort().join('|');
}

function differs(cells) {
  return new Set(cells.map(leadKey)).size > 1;
}

function cellClass(row, i) {
  const c = row.cells[i];
  if (!c.lead.length && !c.assist.length) return 'missing';
  if (!c.lead.length) return 'nolead';
  return row.differs ? 'differs' : undefined;
}
