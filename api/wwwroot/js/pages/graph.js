import cytoscape from '../../lib/cytoscape.esm.min.js';
import { gql, loadJurisdictions, loadSectors } from '../graphql.js';
import { h, announce, errorBox, loading, routeHref, uid, placeSelect } from '../elements.js';
import { dataTable } from '../table.js';

export const title = '关系图';

const bodyQuery = `query BodyNeighbourhood($id: ID!) {
  body(id: $id) {
    id name agencyType
    jurisdiction { name }
    hostedBy { id name }
    leads { id name }
    assists { id name }
    duties { mentions { id name } }
  }
}`;

const sectorQuery = `query SectorNeighbourhood($places: [String!]!, $sector: String!, $place: String) {
  compare(jurisdictions: $places, sector: $sector) {
    rows {
      sector { id name parent { id name } children { id name } }
      cells { jurisdiction { name } lead { id name } assist { id name } }
    }
  }
  responsibilities(topics: [$sector], jurisdiction: $place) {
    body { id name }
    jurisdiction { name }
    role
  }
}`;

const edgeLabel = { LEAD: '牵头', ASSIST: '配合', DUTY: '负有相关职责', PARENT: '上级领域', HOSTED_BY: '设在', MENTIONS: '提及' };

export async function render(root, { params, isCurrent }) {
  const bodyId = params.get('body');
  const sector = params.get('sector');
  const place = params.get('place') ?? '';
  root.append(h('h1', {}, '关系图'));
  const [jurisdictions, sectors] = await Promise.all([loadJurisdictions(), loadSectors()]);
  if (!isCurrent()) return;
  root.append(picker(jurisdictions, sectors, sector ?? '', place));
  if (!bodyId && !sector) {
    root.append(h('p', { class: 'muted' }, '选择一个行业领域，或在“部门”页打开一个单位的关系图。点击图中的节点可移到该节点。'));
    return;
  }
  const out = h('div', { class: 'results' }, loading('正在绘制关系图…'));
  root.append(out);
  let graph;
  try {
    graph = bodyId ? await bodyGraph(bodyId) : await sectorGraph(sector, place ? [place] : jurisdictions.map((j) => j.name));
  } catch (e) {
    out.replaceChildren(errorBox(e));
    return;
  }
  if (!isCurrent()) return;
  if (!graph) {
    out.replaceChildren(h('p', { class: 'notice error', role: 'alert' }, '未找到该节点。'));
    return;
  }
  const canvasId = uid('graph-canvas');
  const canvas = h('div', { id: canvasId, class: 'graph-canvas', role: 'img', 'aria-label': `${graph.title}的关系图，共 ${graph.nodes.length} 个节点；下方列表列出相同内容。` });
  out.replaceChildren(
    h('h2', {}, graph.title),
    h('p', { class: 'legend' },
      h('span', { class: 'swatch body' }), ' 单位　', h('span', { class: 'swatch sector' }), ' 行业领域　',
      h('span', { class: 'line lead' }), ' 牵头　', h('span', { class: 'line assist' }), ' 配合　', h('span', { class: 'line other' }), ' 上级领域/设在/提及'),
    canvas,
    neighbourTable(graph));
  draw(canvas, graph);
  announce(`关系图：${graph.title}，${graph.nodes.length} 个节点`);
}

function picker(jurisdictions, sectors, sector, place) {
  const listId = uid('sector-names');
  const form = h('form', { class: 'query-form', 'aria-label': '选择行业领域' },
    h('div', { class: 'field' }, h('label', { for: 'graph-sector' }, '行业领域'),
      h('input', { id: 'graph-sector', name: 'sector', list: listId, value: sector, placeholder: '例如：燃气' }),
      h('datalist', { id: listId }, sectors.map((s) => h('option', { value: s.name })))),
    h('div', { class: 'field' }, placeSelect('graph-place', jurisdictions, place)),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, '绘制')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const s = form.elements.sector.value.trim();
    if (s) location.hash = routeHref('graph', { sector: s, place: form.elements['graph-place'].value });
  });
  return form;
}

async function bodyGraph(id) {
  const { body } = await gql(bodyQuery, { id });
  if (!body) return null;
  const nodes = new Map([[body.id, { id: body.id, label: body.name, kind: 'body', focus: true }]]);
  const edges = [];
  const addSector = (s, role) => {
    nodes.set(`s:${s.name}`, { id: `s:${s.name}`, label: s.name, kind: 'sector', sector: s.name, place: body.jurisdiction.name });
    edges.push({ source: body.id, target: `s:${s.name}`, role });
  };
  body.leads.forEach((s) => addSector(s, 'LEAD'));
  body.assists.filter((s) => !body.leads.some((l) => l.id === s.id)).forEach((s) => addSector(s, 'ASSIST'));
  if (body.hostedBy) {
    nodes.set(body.hostedBy.id, { id: body.hostedBy.id, label: body.hostedBy.name, kind: 'body' });
    edges.push({ source: body.id, target: body.hostedBy.id, role: 'HOSTED_BY' });
  }
  const mentioned = new Map();
  for (const d of body.duties) for (const m of d.mentions) if (m.id !== body.id) mentioned.set(m.id, m);
  for (const m of mentioned.values()) {
    if (!nodes.has(m.id)) nodes.set(m.id, { id: m.id, label: m.name, kind: 'body' });
    edges.push({ source: body.id, target: m.id, role: 'MENTIONS' });
  }
  return { title: `${body.jurisdiction.name} ${body.name}`, nodes: [...nodes.values()], edges };
}

async function sectorGraph(sectorName, places) {
  const { compare, responsibilities } = await gql(sectorQuery, {
    places, sector: sectorName, place: places.length === 1 ? places[0] : null,
  });
  const row = compare.rows.find((r) => r.sector.name === sectorName) ?? compare.rows[0];
  if (!row) return null;
  const s = row.sector;
  const place = places.length === 1 ? places[0] : '';
  const focusId = `s:${s.name}`;
  const manyPlaces = places.length > 1;
  const nodes = new Map([[focusId, { id: focusId, label: s.name, kind: 'sector', sector: s.name, place, focus: true }]]);
  const edges = [];
  if (s.parent) {
    nodes.set(`s:${s.parent.name}`, { id: `s:${s.parent.name}`, label: s.parent.name, kind: 'sector', sector: s.parent.name, place });
    edges.push({ source: focusId, target: `s:${s.parent.name}`, role: 'PARENT' });
  }
  for (const c of s.children) {
    nodes.set(`s:${c.name}`, { id: `s:${c.name}`, label: c.name, kind: 'sector', sector: c.name, place });
    edges.push({ source: `s:${c.name}`, target: focusId, role: 'PARENT' });
  }
  // Bodies: the sector's LEAD/ASSIST edges, plus every body the API answers for the sector as a topic (its
  // sub-sectors and place-wide remits included), so the picture matches what 问责任 says.
  // One edge per body: its role in this very sector (compare) first, else its role in the sector's closure
  // (responsibilities: a sub-sector's lead, or a duty about it, DUTY).
  const seen = new Set();
  const add = (b, at, role) => {
    if (seen.has(b.id)) return;
    seen.add(b.id);
    if (!nodes.has(b.id)) nodes.set(b.id, { id: b.id, label: manyPlaces ? `${b.name}\n（${at}）` : b.name, kind: 'body' });
    edges.push({ source: b.id, target: focusId, role });
  };
  for (const cell of row.cells) {
    cell.lead.forEach((b) => add(b, cell.jurisdiction.name, 'LEAD'));
    cell.assist.forEach((b) => add(b, cell.jurisdiction.name, 'ASSIST'));
  }
  for (const r of responsibilities) {
    if (places.includes(r.jurisdiction.name)) add(r.body, r.jurisdiction.name, r.role);
  }
  const where = places.length === 1 ? places[0] : '各地';
  return { title: `${where}：${s.name}`, nodes: [...nodes.values()], edges };
}

function nodeHref(n) {
  return n.kind === 'body' ? routeHref('graph', { body: n.id }) : routeHref('graph', { sector: n.sector, place: n.place });
}

// The same neighbourhood as a table: reachable by keyboard and screen reader, and exportable.
function neighbourTable(graph) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const focus = graph.nodes.find((n) => n.focus);
  const rows = graph.edges.map((e) => {
    const other = byId.get(e.source === focus.id ? e.target : e.source);
    return { other, relation: edgeLabel[e.role] ?? e.role, outgoing: e.source === focus.id };
  });
  return dataTable({
    title: `关系图_${graph.title}`,
    caption: `${graph.title} 的相邻节点`,
    columns: [
      { label: '相邻节点', text: (r) => r.other.label.replace('\n', ''), cell: (r) => h('a', { href: nodeHref(r.other) }, r.other.label.replace('\n', '')) },
      { label: '类型', text: (r) => (r.other.kind === 'body' ? '单位' : '行业领域') },
      { label: '关系', text: (r) => (r.outgoing ? `${focus.label} ${r.relation} ${r.other.label}` : `${r.other.label} ${r.relation} ${focus.label}`).replaceAll('\n', '') },
    ],
    rows,
  });
}

function draw(container, graph) {
  const font = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
  const crowded = graph.nodes.length > 14;
  const cy = cytoscape({
    container,
    elements: [
      ...graph.nodes.map((n) => ({ data: n, classes: [n.kind, n.focus ? 'focus' : ''].join(' ') })),
      ...graph.edges.map((e, i) => ({ data: { id: `e${i}`, ...e, label: edgeLabel[e.role] }, classes: e.role.toLowerCase() })),
    ],
    layout: {
      name: 'concentric',
      // The focus in the middle, its neighbours on one ring; a crowded neighbourhood gets a second ring (sectors
      // inside, bodies outside) so labels do not collide and no edge crosses a node.
      concentric: (n) => (n.data('focus') ? 3 : crowded && n.data('kind') === 'sector' ? 2 : 1),
      levelWidth: () => 1,
      minNodeSpacing: 28,
      avoidOverlap: true,
      padding: 24,
      animate: false,
    },
    minZoom: 0.2,
    maxZoom: 3,
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: {
        label: 'data(label)', 'font-family': font, 'font-size': 13, color: '#1b1f24', 'text-wrap': 'wrap', 'text-max-width': 120,
        'text-valign': 'center', 'text-halign': 'center', width: 'label', height: 'label', padding: 10,
      } },
      { selector: 'node.body', style: { shape: 'round-rectangle', 'background-color': '#dbe9fb', 'border-width': 1.5, 'border-color': '#1d5fb4' } },
      { selector: 'node.sector', style: { shape: 'round-rectangle', 'corner-radius': 18, 'background-color': '#fde7c8', 'border-width': 1.5, 'border-color': '#a35a00' } },
      { selector: 'node.focus', style: { 'font-size': 16, 'font-weight': 'bold', 'border-width': 4 } },
      { selector: 'edge', style: {
        width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#8a939c', 'target-arrow-color': '#8a939c',
        label: 'data(label)', 'font-family': font, 'font-size': 11, color: '#3d4650', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85,
        'text-background-padding': 2,
      } },
      { selector: 'edge.lead', style: { width: 3, 'line-color': '#b3261e', 'target-arrow-color': '#b3261e', color: '#8c1d18' } },
      { selector: 'edge.assist', style: { width: 2, 'line-style': 'dashed', 'line-color': '#1d5fb4', 'target-arrow-color': '#1d5fb4', color: '#174a8c' } },
      { selector: 'edge.parent, edge.hosted_by, edge.mentions', style: { 'line-style': 'dotted' } },
      { selector: 'node:active, node:selected', style: { 'overlay-opacity': 0.15 } },
    ],
  });
  // Fitting a small neighbourhood would blow labels up; keep text at a readable size.
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
  cy.on('tap', 'node', (event) => {
    const n = event.target.data();
    if (!n.focus) location.hash = nodeHref(n);
  });
  cy.on('mouseover', 'node', () => { container.style.cursor = 'pointer'; });
  cy.on('mouseout', 'node', () => { container.style.cursor = ''; });
  // Tests and curious developers find the instance on its container.
  container.cy = cy;
}
