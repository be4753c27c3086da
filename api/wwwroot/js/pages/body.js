import { gql, loadJurisdictions } from '../graphql.js';
import { h, errorBox, loading, routeHref, bodyLink, placeSelect, roleLabel } from '../elements.js';
import { dataTable } from '../table.js';

export const title = '部门';

const kindLabel = {
  Government: '政府', PartyOrgan: '党委机构', Department: '部门', Committee: '议事协调机构', CommitteeOffice: '委员会办公室',
  MassOrganisation: '群团组织', Military: '军事机关', Judicial: '司法机关', Enterprise: '企业', Grassroots: '基层单位',
  Group: '部门组', Other: '其他',
};
export const kindName = (kind) => kindLabel[kind] ?? kindLabel[toPascal(kind)] ?? kind;
function toPascal(kind) {
  return String(kind).toLowerCase().replace(/(^|_)([a-z])/g, (_, __, c) => c.toUpperCase());
}

const bodyQuery = `query Body($id: ID!) {
  body(id: $id) {
    id name kind agencyType
    jurisdiction { id name }
    hostedBy { id name }
    leads { id name }
    assists { id name }
    duties { id text locator document { id title number } sectors { id name } }
    shares { sector { id name } role lead { id name } assist { id name } }
  }
}`;

const searchQuery = `query Bodies($jurisdiction: String, $search: String) {
  bodies(jurisdiction: $jurisdiction, search: $search, first: 100) {
    totalCount
    nodes { id name kind agencyType jurisdiction { name } }
  }
}`;

export async function render(root, { args, params, isCurrent }) {
  if (args[0]) return renderBody(root, args[0], isCurrent);
  return renderSearch(root, params, isCurrent);
}

async function renderSearch(root, params, isCurrent) {
  const place = params.get('place') ?? '';
  const search = params.get('search') ?? '';
  root.append(h('h1', {}, '部门'), h('p', { class: 'lead-text' }, '查找一个单位，查看它的职责、涉及的行业领域，以及与它共同负责各领域的单位。'));
  const jurisdictions = await loadJurisdictions();
  if (!isCurrent()) return;
  const form = h('form', { class: 'query-form', role: 'search', 'aria-label': '查找部门' },
    h('div', { class: 'field' }, placeSelect('place', jurisdictions, place)),
    h('div', { class: 'field' }, h('label', { for: 'search' }, '单位名称'),
      h('input', { id: 'search', name: 'search', type: 'search', value: search, placeholder: '例如：商务局、应急管理' })),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, '查找')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = routeHref('body', { place: form.elements.place.value, search: form.elements.search.value.trim() });
  });
  root.append(form);
  const out = h('div', { class: 'results' }, loading());
  root.append(out);
  try {
    const data = await gql(searchQuery, { jurisdiction: place || null, search: search || null });
    if (!isCurrent()) return;
    const conn = data.bodies;
    out.replaceChildren(
      conn.totalCount > conn.nodes.length ? h('p', { class: 'muted' }, `共 ${conn.totalCount} 个，显示前 ${conn.nodes.length} 个；请缩小范围。`) : '',
      dataTable({
        title: `单位列表${place ? `_${place}` : ''}${search ? `_${search}` : ''}`,
        caption: '单位',
        columns: [
          { label: '单位', text: (b) => b.name, cell: (b) => bodyLink(b) },
          { label: '地区', text: (b) => b.jurisdiction.name },
          { label: '类别', text: (b) => kindName(b.kind) },
          { label: '职能类型', text: (b) => b.agencyType ?? '' },
        ],
        rows: conn.nodes,
      }));
  } catch (e) {
    out.replaceChildren(errorBox(e));
  }
}

async function renderBody(root, id, isCurrent) {
  root.append(loading());
  const { body } = await gql(bodyQuery, { id });
  if (!isCurrent()) return;
  root.replaceChildren();
  if (!body) {
    root.append(h('h1', {}, '部门'), h('p', { class: 'notice error', role: 'alert' }, '未找到该单位。'));
    return;
  }
  root.append(
    h('p', { class: 'breadcrumb' }, h('a', { href: routeHref('body', { place: body.jurisdiction.name }) }, `${body.jurisdiction.name} 的单位`), ' › '),
    h('h1', {}, body.name),
    h('dl', { class: 'facts' },
      h('dt', {}, '地区'), h('dd', {}, body.jurisdiction.name),
      h('dt', {}, '类别'), h('dd', {}, kindName(body.kind)),
      h('dt', {}, '职能类型'), h('dd', {}, body.agencyType ?? '（未归类）'),
      body.hostedBy ? [h('dt', {}, '设在'), h('dd', {}, bodyLink(body.hostedBy))] : null),
    h('p', {}, h('a', { class: 'button-link', href: routeHref('graph', { body: body.id }) }, '查看关系图')));

  root.append(h('h2', {}, '涉及的行业领域'),
    h('div', { class: 'chips' },
      body.leads.map((s) => h('a', { class: 'chip lead', 'data-sector': s.name, 'data-role': 'LEAD', href: routeHref('graph', { sector: s.name, place: body.jurisdiction.name }) }, '牵头 · ', s.name)),
      body.assists.map((s) => h('a', { class: 'chip assist', 'data-sector': s.name, 'data-role': 'ASSIST', href: routeHref('graph', { sector: s.name, place: body.jurisdiction.name }) }, '配合 · ', s.name))),
    !body.leads.length && !body.assists.length ? h('p', { class: 'muted' }, '没有读出牵头或配合的行业领域。') : '');

  // Duties by document, each with its clause.
  const byDocument = new Map();
  for (const d of body.duties) {
    const key = d.document.id;
    if (!byDocument.has(key)) byDocument.set(key, { document: d.document, duties: [] });
    byDocument.get(key).duties.push(d);
  }
  root.append(h('h2', {}, `职责（${body.duties.length} 条）`));
  for (const { document: doc, duties } of byDocument.values()) {
    root.append(h('h3', {}, doc.title, doc.number ? h('span', { class: 'muted' }, ` ${doc.number}`) : null),
      dataTable({
        title: `${body.name}_职责`,
        caption: `${body.name} 在《${doc.title}》中的职责`,
        columns: [
          { label: '条款', text: (d) => d.locator, cell: (d) => h('a', { href: routeHref(`doc/${encodeURIComponent(d.id)}`) }, d.locator) },
          { label: '职责原文', text: (d) => d.text },
          { label: '行业领域', text: (d) => d.sectors.map((s) => s.name).join('、') },
        ],
        rows: duties,
      }));
  }

  // Who shares each of the body's sectors, in the same place.
  if (!body.shares.length) return;
  const names = (list) => list.map((b) => b.name).join('、');
  const links = (list) => (list.length ? list.flatMap((b, i) => (i ? ['、', bodyLink(b)] : [bodyLink(b)])) : h('span', { class: 'muted' }, '—'));
  root.append(h('section', { 'aria-label': '共同负责的单位' }, h('h2', {}, '与谁共同负责各领域'),
    dataTable({
      title: `${body.name}_共同负责`,
      caption: `${body.name} 的行业领域及共同负责的单位`,
      columns: [
        { label: '行业领域', text: (r) => r.sector.name },
        { label: '本单位', text: (r) => roleLabel[r.role] ?? r.role },
        { label: '其他牵头单位', text: (r) => names(r.lead), cell: (r) => links(r.lead) },
        { label: '其他配合单位', text: (r) => names(r.assist), cell: (r) => links(r.assist) },
      ],
      rows: body.shares,
    })));
}
