import { gql, loadJurisdictions } from '../graphql.js';
import { h, announce, errorBox, loading, routeHref, bodyLink, placeSelect } from '../elements.js';
import { dataTable } from '../table.js';

export const title = '空白与交叉';

const query = `query Gaps($jurisdiction: String!) {
  gaps(jurisdiction: $jurisdiction) {
    sector { id name parent { name } }
    lead { id name }
    assist { id name }
    concerned { id name }
    problem
    evidence { id text locator owner { ... on Body { id name } ... on Leader { id title } } }
  }
}`;

export async function render(root, { params, isCurrent }) {
  const place = params.get('place') ?? '';
  root.append(h('h1', {}, '监管空白与职能交叉'),
    h('p', { class: 'lead-text' }, '监管空白：有职责涉及、但没有任何单位牵头的行业领域。职能交叉：有两个或更多单位牵头的行业领域。'));
  const jurisdictions = await loadJurisdictions();
  if (!isCurrent()) return;
  const form = h('form', { class: 'query-form', 'aria-label': '选择地区' },
    h('div', { class: 'field' }, placeSelect('place', jurisdictions, place, { allowAll: false })),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, '检查')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = routeHref('gaps', { place: form.elements.place.value });
  });
  root.append(form);
  if (!place) {
    root.append(h('p', { class: 'muted' }, '请选择一个地区。'));
    return;
  }
  const out = h('div', { class: 'results' }, loading());
  root.append(out);
  let data;
  try {
    data = await gql(query, { jurisdiction: place });
  } catch (e) {
    out.replaceChildren(errorBox(e));
    return;
  }
  if (!isCurrent()) return;
  const noLead = data.gaps.filter((g) => g.problem === 'NO_LEAD');
  const multiple = data.gaps.filter((g) => g.problem === 'MULTIPLE_LEADS');
  announce(`${place}：监管空白 ${noLead.length} 个，职能交叉 ${multiple.length} 个`);
  const names = (list) => list.map((b) => b.name).join('、');
  const links = (list, role) => (list.length
    ? list.flatMap((b, i) => {
      const link = h('span', { class: 'who-body', 'data-body-id': b.id, 'data-role': role }, bodyLink(b));
      return i ? ['、', link] : [link];
    })
    : h('span', { class: 'muted' }, '—'));
  const owner = (d) => d.owner?.name ?? d.owner?.title ?? '';
  const evidenceText = (g) => (g.evidence ?? []).map((d) => `${owner(d)} ${d.locator} ${d.text}`).join('\n');
  // Each row names whose clause it is: a gap's evidence comes from several bodies.
  const evidenceCell = (g) => h('ul', { class: 'evidence-list' }, (g.evidence ?? []).slice(0, 5).map((d) => h('li', {},
    h('strong', { class: 'owner' }, owner(d)), ' ',
    h('a', { href: routeHref(`doc/${encodeURIComponent(d.id)}`) }, d.locator), ' ', h('span', { class: 'quote' }, d.text))),
    (g.evidence ?? []).length > 5 ? h('li', { class: 'muted' }, `另有 ${g.evidence.length - 5} 条（见导出文件）`) : null);
  const sectorCell = (g) => h('a', { href: routeHref('graph', { sector: g.sector.name, place }) }, g.sector.name);
  out.replaceChildren(
    h('p', { class: 'summary' },
      h('span', { class: 'stat gap' }, `监管空白 ${noLead.length}`), ' ',
      h('span', { class: 'stat overlap' }, `职能交叉 ${multiple.length}`)),
    h('h2', {}, '监管空白（无牵头单位）'),
    noLead.length ? dataTable({
      title: `${place}_监管空白`,
      caption: `${place}：没有牵头单位的行业领域`,
      columns: [
        { label: '行业领域', text: (g) => g.sector.name, cell: sectorCell },
        { label: '上级领域', text: (g) => g.sector.parent?.name ?? '' },
        { label: '配合单位', text: (g) => names(g.assist), cell: (g) => links(g.assist, 'ASSIST') },
        { label: '负有相关职责', text: (g) => names(g.concerned), cell: (g) => links(g.concerned, 'DUTY') },
        { label: '依据', text: evidenceText, cell: evidenceCell },
      ],
      rows: noLead,
    }) : h('p', { class: 'notice ok' }, '没有发现监管空白。'),
    h('h2', {}, '职能交叉（多个牵头单位）'),
    multiple.length ? dataTable({
      title: `${place}_职能交叉`,
      caption: `${place}：有多个牵头单位的行业领域`,
      columns: [
        { label: '行业领域', text: (g) => g.sector.name, cell: sectorCell },
        { label: '牵头单位', text: (g) => names(g.lead), cell: (g) => links(g.lead, 'LEAD') },
        { label: '配合单位', text: (g) => names(g.assist), cell: (g) => links(g.assist, 'ASSIST') },
        { label: '依据', text: evidenceText, cell: evidenceCell },
      ],
      rows: multiple,
    }) : h('p', { class: 'notice ok' }, '没有发现职能交叉。'));
}
